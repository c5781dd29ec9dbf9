import type { ProgressReport } from '../runs/run-contract';
import { redis } from '../redis/client';

/** Live views subscribe here for one run's step and status changes. */
export const runEventsChannel = (runId: string) => `run-events:${runId}`;
/** Run lists subscribe here for status changes of every run in an org. */
export const orgRunsChannel = (orgId: string) => `org-runs:${orgId}`;

/**
 * Tells live views that a run changed. Streams read what changed from the database, so the step
 * records, inputs and outputs stay out of the message; the run's patch stays in it, since a
 * request waiting on the run's end (lib/runs/wait-for-run-end.ts) answers from it without a read.
 */
export async function publishProgress(report: ProgressReport) {
  const message = JSON.stringify({ runId: report.runId, run: report.run });
  const publishing = [redis().publish(runEventsChannel(report.runId), message)];
  if (report.run) {
    publishing.push(
      redis().publish(orgRunsChannel(report.orgId), JSON.stringify({ runId: report.runId, ...report.run })),
    );
  }
  await Promise.all(publishing);
}
