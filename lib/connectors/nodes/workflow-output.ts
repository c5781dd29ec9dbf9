import { z } from 'zod';
import { defineNode } from '../define-node';

export const workflowOutput = defineNode({
  type: 'flow.output',
  kind: 'pure',
  category: 'flow',
  label: 'Workflow output',
  description: "Sets the run's output (the last one reached wins).",
  icon: 'log-out',
  outputs: [],
  config: z.object({ value: z.unknown() }),
  output: z.unknown(),
  execute: ({ config }) => ({ output: config.value, runOutput: config.value }),
});
