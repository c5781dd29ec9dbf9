import { z } from 'zod';
import { defineNode } from '../define-node';

const switchConfig = z.object({
  cases: z
    .array(
      z.object({
        name: z.string().regex(/^[A-Za-z0-9_-]+$/, 'Case names are used as handle names: letters, digits, "_", "-"'),
        when: z.boolean({ error: 'A case condition must evaluate to true or false' }),
      }),
    )
    .min(1, 'Add at least one case')
    .refine((cases) => new Set(cases.map((c) => c.name)).size === cases.length, 'Case names must be unique'),
});

export const switchNode = defineNode({
  type: 'logic.switch',
  kind: 'pure',
  category: 'logic',
  label: 'Switch',
  description: 'Takes the first case whose condition holds, or `default`.',
  icon: 'git-fork',
  outputs: (config: z.output<typeof switchConfig>) => [...config.cases.map((c) => c.name), 'default'],
  config: switchConfig,
  output: z.object({ case: z.string() }),
  execute({ config }) {
    const chosen = config.cases.find((c) => c.when)?.name ?? 'default';
    return { output: { case: chosen }, handles: [chosen] };
  },
});
