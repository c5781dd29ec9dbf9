import { z } from 'zod';
import { defineNode } from '../define-node';

export const delay = defineNode({
  type: 'flow.delay',
  kind: 'control',
  category: 'flow',
  label: 'Delay',
  description: 'Waits durably for a duration or until a date, surviving restarts.',
  icon: 'timer',
  config: z.discriminatedUnion('mode', [
    z.object({
      mode: z.literal('duration'),
      durationMs: z
        .number()
        .int()
        .min(0)
        .max(366 * 86_400_000),
    }),
    z.object({ mode: z.literal('until'), until: z.iso.datetime({ offset: true }) }),
  ]),
  output: z.object({ waitedMs: z.number() }),
  async run({ config, sleep }) {
    const waitMs = config.mode === 'duration' ? config.durationMs : Math.max(0, Date.parse(config.until) - Date.now());
    await sleep(waitMs);
    return { output: { waitedMs: waitMs }, handles: ['out'] };
  },
});
