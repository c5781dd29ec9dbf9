import { z } from 'zod';
import { defineNode } from '../define-node';

export const manualTrigger = defineNode({
  type: 'trigger.manual',
  kind: 'pure',
  category: 'trigger',
  label: 'Manual trigger',
  description: 'Starts the run with the input given in the UI or the API.',
  icon: 'play',
  acceptsInput: false,
  config: z.object({}),
  output: z.unknown(),
  execute: ({ scope }) => ({ output: scope.input }),
});
