import { z } from 'zod';

export const ALERT_KINDS = [
  'success_rate_below',
  'burn_rate_above',
  'approval_waiting_longer_than',
  'queue_backlog_above',
] as const;
export type AlertKindName = (typeof ALERT_KINDS)[number];

/** What each kind's threshold is measured in, for messages and forms. */
export const THRESHOLD_UNIT: Record<AlertKindName, string> = {
  success_rate_below: '%',
  burn_rate_above: '× the sustainable rate',
  approval_waiting_longer_than: 'minutes',
  queue_backlog_above: 'tasks',
};

/** A rule as the API and the settings form take it. */
export const alertRuleBody = z
  .object({
    name: z
      .string({ error: 'name is required' })
      .trim()
      .min(1, { error: 'name is required' })
      .max(100, { error: 'name must be at most 100 characters' }),
    kind: z.enum(ALERT_KINDS, { error: `kind must be ${ALERT_KINDS.join(', ')}` }),
    threshold: z
      .number({ error: 'threshold must be a number' })
      .positive({ error: 'threshold must be above 0' })
      .max(1_000_000, { error: 'threshold must be at most 1000000' }),
    windowMinutes: z
      .number({ error: 'windowMinutes must be a whole number of minutes' })
      .int({ error: 'windowMinutes must be a whole number of minutes' })
      .min(5, { error: 'windowMinutes must be at least 5' })
      .max(30 * 24 * 60, { error: 'windowMinutes must be at most 43200 (30 days)' })
      .default(60),
    webhookUrl: z.url({ protocol: /^https?$/, error: 'webhookUrl must be an http:// or https:// URL' }),
    enabled: z.boolean({ error: 'enabled must be true or false' }).default(true),
  })
  .refine((rule) => rule.kind !== 'success_rate_below' || rule.threshold <= 100, {
    error: 'threshold of a success rate is a percentage: at most 100',
    path: ['threshold'],
  });

export type AlertRuleInput = z.infer<typeof alertRuleBody>;
