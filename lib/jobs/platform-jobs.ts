import { z } from 'zod';
import { evaluateAlerts } from '../alerts/evaluate-alerts';
import { pruneExpired } from '../retention/prune';
import { reconcileEndedRuns } from '../runs/reconcile-ended-runs';
import { startStrandedRuns } from '../runs/start-stranded-runs';
import { reconcileSchedules } from '../schedules/schedules';
import { dispatchUndispatchedEvents } from '../events-bus/dispatch-events';
import type { BackgroundJob } from './background-job';

/** How often each job runs; the defaults suit production, tests shorten them. */
export const jobSettingsSchema = z.object({
  JOBS_RECONCILE_EVERY_MS: z.coerce.number().int().min(500).default(30_000),
  /** Cron, in UTC: daily at 03:00 unless set. */
  JOBS_RETENTION_PATTERN: z.string().min(1).default('0 3 * * *'),
  JOBS_ALERTS_EVERY_MS: z.coerce.number().int().min(500).default(60_000),
  JOBS_SCHEDULES_EVERY_MS: z.coerce.number().int().min(500).default(30_000),
  JOBS_EVENTS_EVERY_MS: z.coerce.number().int().min(500).default(15_000),
  JOBS_STRANDED_RUNS_EVERY_MS: z.coerce.number().int().min(500).default(30_000),
});

export type JobSettings = z.infer<typeof jobSettingsSchema>;

export function platformJobs(settings: JobSettings = jobSettingsSchema.parse(process.env)): BackgroundJob[] {
  return [
    {
      // Runs Temporal ended on its own (timeout, termination) get their end recorded.
      name: 'reconcile-runs',
      schedule: { every: settings.JOBS_RECONCILE_EVERY_MS },
      runOnStart: true,
      run: () => reconcileEndedRuns(),
    },
    {
      // Ended runs and log lines past each org's retention are deleted.
      name: 'prune-retention',
      schedule: { pattern: settings.JOBS_RETENTION_PATTERN, tz: 'UTC' },
      run: () => pruneExpired(),
    },
    {
      // Alert rules are measured; a crossing either way is recorded and posted to the webhook.
      name: 'evaluate-alerts',
      schedule: { every: settings.JOBS_ALERTS_EVERY_MS },
      run: () => evaluateAlerts(),
    },
    {
      // Schedule changes Temporal did not take (it was unreachable) are pushed again.
      name: 'reconcile-schedules',
      schedule: { every: settings.JOBS_SCHEDULES_EVERY_MS },
      runOnStart: true,
      run: () => reconcileSchedules(),
    },
    {
      // Events whose publisher stopped before handing them to Temporal get their fan-out started.
      name: 'dispatch-events',
      schedule: { every: settings.JOBS_EVENTS_EVERY_MS },
      runOnStart: true,
      run: () => dispatchUndispatchedEvents(),
    },
    {
      // Runs recorded whose queued start never reached Temporal (the web server stopped first).
      name: 'start-stranded-runs',
      schedule: { every: settings.JOBS_STRANDED_RUNS_EVERY_MS },
      runOnStart: true,
      run: () => startStrandedRuns(),
    },
  ];
}
