import { z } from 'zod';
import { defineNode } from '../define-node';

export const forEach = defineNode({
  type: 'flow.forEach',
  kind: 'control',
  category: 'flow',
  label: 'For each',
  description:
    'Runs the nodes on the `each` branch once per item (as `loop.item`), then continues on `done` with the results.',
  icon: 'repeat',
  outputs: ['each', 'done'],
  config: z.object({
    items: z.array(z.unknown(), { error: 'items must evaluate to an array' }),
    concurrency: z.number().int().min(1).max(100).default(1),
  }),
  output: z.array(z.unknown()),
  run: async ({ config, runLoop }) => ({
    output: await runLoop(config.items, config.concurrency),
    handles: ['done'],
  }),
});
