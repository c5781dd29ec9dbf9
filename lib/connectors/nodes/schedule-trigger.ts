import { z } from 'zod';
import { defineNode } from '../define-node';
import { cronProblem, timezoneProblem } from '../../schedules/cron-expression';

/** How a fire time is handled while the previous scheduled run is still going (Temporal's ScheduleOverlapPolicy). */
export const OVERLAP_POLICIES = ['skip', 'bufferOne', 'allowAll', 'cancelOther', 'terminateOther'] as const;
export type OverlapPolicy = (typeof OVERLAP_POLICIES)[number];

export const scheduleTriggerConfig = z.object({
  cron: z
    .string()
    .min(1, 'Give a cron expression, such as "0 9 * * 1-5"')
    .superRefine((cron, context) => {
      const problem = cronProblem(cron);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .describe('minute hour day-of-month month day-of-week, or a shorthand such as @daily'),
  timezone: z
    .string()
    .min(1)
    .default('UTC')
    .superRefine((timezone, context) => {
      const problem = timezoneProblem(timezone);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .describe('The IANA time zone the cron expression is read in'),
  overlapPolicy: z
    .enum(OVERLAP_POLICIES)
    .default('skip')
    .describe(
      'While the last scheduled run is still going: skip the new one, buffer one, allow all, or cancel or terminate the old one',
    ),
  catchupWindowSeconds: z
    .number()
    .int()
    .min(10)
    .max(365 * 24 * 3600)
    .default(60)
    .describe('After an outage, fire times missed by at most this long are still run'),
  input: z.unknown().optional().describe("Static data given to every scheduled run (the trigger's output.data)"),
});

export type ScheduleTriggerConfig = z.output<typeof scheduleTriggerConfig>;

/** What a scheduled run starts with (temporal/activities/scheduled-runs.ts). */
export const scheduledRunInputSchema = z.object({
  /** The fire time the schedule meant (for "trigger now", the moment it was asked). */
  scheduledAt: z.string(),
  /** When the schedule actually started the run. */
  firedAt: z.string(),
  scheduleId: z.string(),
  /** The trigger's static input, null when it has none. */
  data: z.unknown(),
});

export type ScheduledRunInput = z.output<typeof scheduledRunInputSchema>;

export const scheduleTrigger = defineNode({
  type: 'trigger.schedule',
  kind: 'pure',
  category: 'trigger',
  label: 'Schedule',
  description: 'Starts the published version at the times a cron expression names, in a time zone.',
  icon: 'calendar-clock',
  acceptsInput: false,
  config: scheduleTriggerConfig,
  output: scheduledRunInputSchema,
  execute: ({ scope }) => ({ output: scope.input as ScheduledRunInput }),
});
