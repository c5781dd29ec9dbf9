import { z } from 'zod';
import { reconcileEndedRuns } from '../runs/reconcile-ended-runs';
import type { BackgroundJob } from './background-job';

/** How often each job runs; the defaults suit production, tests shorten them. */
export const jobSettingsSchema = z.object({
  JOBS_RECONCILE_EVERY_MS: z.coerce.number().int().min(500).default(30_000),
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
  ];
}
