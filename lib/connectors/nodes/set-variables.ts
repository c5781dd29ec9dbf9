import { z } from 'zod';
import { defineNode } from '../define-node';

export const setVariables = defineNode({
  type: 'data.set',
  kind: 'pure',
  category: 'data',
  label: 'Set variables',
  description: 'Sets run variables, readable later as `vars.<name>`.',
  icon: 'variable',
  config: z.object({
    values: z.record(z.string().regex(/^[A-Za-z_]\w*$/, 'Variable names are identifiers'), z.unknown()),
  }),
  output: z.record(z.string(), z.unknown()),
  execute: ({ config }) => ({ output: config.values, setVars: config.values }),
});
