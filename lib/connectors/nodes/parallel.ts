import { z } from 'zod';
import { defineNode } from '../define-node';

export const parallel = defineNode({
  type: 'flow.parallel',
  kind: 'pure',
  category: 'flow',
  label: 'Parallel',
  description: 'Starts every connected branch at once; join them again with a Merge.',
  icon: 'git-branch-plus',
  config: z.object({}),
  output: z.unknown(),
  execute: ({ scope }) => ({ output: scope.input }),
});
