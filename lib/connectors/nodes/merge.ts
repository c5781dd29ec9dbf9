import { z } from 'zod';
import { defineNode } from '../define-node';

export const merge = defineNode({
  type: 'flow.merge',
  kind: 'control',
  category: 'flow',
  label: 'Merge',
  description: 'Joins branches: waits for all incoming branches (output keyed by node id) or continues with the first.',
  icon: 'merge',
  config: z.object({ mode: z.enum(['wait-all', 'first']).default('wait-all') }),
  output: z.unknown(),
  startsOnFirstInput: (config) => config.mode === 'first',
  run({ config, activeSources, outputOf }) {
    const sources = activeSources();
    const output =
      config.mode === 'first'
        ? outputOf(sources[0])
        : Object.fromEntries(sources.map((source) => [source, outputOf(source)]));
    return { output, handles: ['out'] };
  },
});
