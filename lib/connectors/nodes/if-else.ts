import { z } from 'zod';
import { defineNode } from '../define-node';

export const ifElse = defineNode({
  type: 'logic.if',
  kind: 'pure',
  category: 'logic',
  label: 'If / else',
  description: 'Takes the `true` or the `false` branch depending on a condition.',
  icon: 'split',
  outputs: ['true', 'false'],
  config: z.object({ condition: z.boolean({ error: 'The condition must evaluate to true or false' }) }),
  output: z.object({ result: z.boolean() }),
  execute: ({ config }) => ({ output: { result: config.condition }, handles: [config.condition ? 'true' : 'false'] }),
});
