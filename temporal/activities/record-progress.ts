import { withOrgTransaction } from '../../lib/db/tenant';
import type { ProgressReport, StepRecord } from '../../lib/runs/run-contract';
import { WORKER_LOST_ERROR, writeProgress } from './progress-writer';

/** Writes what the interpreter reports (step records, run status) and publishes it for live views. */
export async function recordProgress(report: ProgressReport): Promise<void> {
  await writeProgress(report);
}

/**
 * The earlier attempt of a node that a crash or kill of its worker interrupted: Temporal retries
 * it, but its own record still says RUNNING. Recorded as failed when the retry starts.
 */
export async function lostAttempt(
  step: { orgId: string; runId: string; nodeId: string; iteration: number; attempt: number },
  endedAt: string,
): Promise<StepRecord[]> {
  if (step.attempt <= 1) return [];
  const previous = step.attempt - 1;
  const stillRunning = await withOrgTransaction(step.orgId, (tx) =>
    tx.runStep.count({
      where: {
        runId: step.runId,
        nodeId: step.nodeId,
        iteration: step.iteration,
        attempt: previous,
        status: 'RUNNING',
      },
    }),
  );
  if (stillRunning === 0) return [];
  const { nodeId, iteration } = step;
  return [{ nodeId, iteration, attempt: previous, status: 'FAILED', error: WORKER_LOST_ERROR, endedAt }];
}
