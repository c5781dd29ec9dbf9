import { withOrgTransaction } from '../../lib/db/tenant';
import type { StepRecord } from '../../lib/runs/run-contract';
import { WORKER_LOST_ERROR, type OverwrittenStep } from './progress-writer';

/**
 * A local activity node that a crash interrupted runs again on the next worker from Temporal's
 * attempt 1, and its first record replaced the interrupted run's attempt 1. Puts back what that
 * record said (one still RUNNING failed: its worker was lost), fails any later attempt the crash
 * left RUNNING, and numbers the new run's attempts after all of them.
 */
export async function recoverInterruptedLocalRun(
  step: { orgId: string; runId: string; nodeId: string; iteration: number },
  replaced: OverwrittenStep,
  endedAt: string,
): Promise<{ attemptOffset: number; corrections: StepRecord[] }> {
  const { orgId, runId, nodeId, iteration } = step;
  const attempts = await withOrgTransaction(orgId, (tx) =>
    tx.runStep.findMany({ where: { runId, nodeId, iteration }, select: { attempt: true, status: true } }),
  );
  const lost = (attempt: number): StepRecord => ({
    nodeId,
    iteration,
    attempt,
    status: 'FAILED',
    error: WORKER_LOST_ERROR,
    endedAt,
  });
  const corrections = [
    replaced.status === 'RUNNING' ? lost(1) : { nodeId, iteration, attempt: 1, status: replaced.status },
    ...attempts.filter((row) => row.attempt > 1 && row.status === 'RUNNING').map((row) => lost(row.attempt)),
  ];
  return { attemptOffset: Math.max(1, ...attempts.map((row) => row.attempt)), corrections };
}
