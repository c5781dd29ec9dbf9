import { z } from 'zod';
import { defineNode } from '../define-node';
import { evaluateExpression } from '../../definition/expressions';

export const transform = defineNode({
  type: 'data.transform',
  kind: 'pure',
  category: 'data',
  label: 'Transform (JSONata)',
  description: 'Reshapes data with a JSONata expression over input, nodes, vars and run.',
  icon: 'braces',
  config: z.object({ expression: z.string().min(1, 'Write a JSONata expression') }),
  programFields: ['expression'],
  output: z.unknown(),
  execute: ({ nodeId, config, scope, meter }) => ({
    output: evaluateExpression(config.expression, scope, nodeId, 'expression', meter) ?? null,
  }),
});
