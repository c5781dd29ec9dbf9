import { WorkflowNotFoundError, type WorkflowExecutionDescription } from '@temporalio/client';
import { db } from '../db/client';
import { withOrgTransaction } from '../db/tenant';
import { Prisma } from '../db/generated/client';
import { publishProgress } from '../events/run-events';
import { createLogger } from '../logging/logger';
import { temporalClient } from '../../temporal/client';
import type { NodeErrorInfo, RunStatus, StepRecord } from './run-contract';

const log = createLogger({ component: 'reconcile-runs' });

export const ACTIVE_RUN_STATUSES: RunStatus[] = ['QUEUED', 'RUNNING', 'WAITING'];

// How Temporal's end of an execution reads as a run's: a timeout fails it, a termination (from
// the Temporal UI or CLI) cancels it.
const CLOSED_STATUS: Record<string, 'FAILED' | 'CANCELLED'> = {
  TIMED_OUT: 'FAILED',
  TERMINATED: 'CANCELLED',
  FAILED: 'FAILED',
  CANCELLED: 'CANCELLED',
};

/** Temporal's end of a run, as the run's record takes it. */
export interface RunEnd {
  status: 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  endedAt: Date;
  error?: NodeErrorInfo;
  output?: unknown;
}

export interface ReconcileOptions {
  /**
   * How long after Temporal closed a workflow the interpreter's own record of the end may still
   * be on its way (a success is written through a sink after the workflow completes). Ends only
   * Temporal knows of (a timeout, a termination) are recorded at once.
   */
  recordGraceMs?: number;
  /** How many runs are described at once. */
  concurrency?: number;
  now?: Date;
}

export interface ReconcileResult {
  checked: number;
  ended: number;
}

/**
 * Finds every run still recorded as active whose Temporal execution has ended without the
 * interpreter recording it (a workflow timeout, a termination from the Temporal UI, a lost
 * final report) and records that end, so a run's status never waits for someone to open it.
 */
export async function reconcileEndedRuns(options: ReconcileOptions = {}): Promise<ReconcileResult> {
  const { recordGraceMs = 15_000, concurrency = 16, now = new Date() } = options;
  // Runs are read org by org (the app's role sees the rows of the org a transaction names
  // only), in the orgs that have any still going.
  const orgs = await db().$queryRaw<{ id: string }[]>`SELECT org_id AS id FROM orgs_with_active_runs()`;
  const settledBefore = new Date(now.getTime() - recordGraceMs);
  const result: ReconcileResult = { checked: 0, ended: 0 };
  for (const org of orgs) {
    const runs = await withOrgTransaction(org.id, (tx) =>
      tx.run.findMany({
        where: { orgId: org.id, status: { in: ACTIVE_RUN_STATUSES } },
        select: { id: true },
        orderBy: { createdAt: 'asc' },
      }),
    );
    for (let index = 0; index < runs.length; index += concurrency) {
      const batch = runs.slice(index, index + concurrency);
      const ends = await Promise.all(
        batch.map(async (run) => {
          const end = await temporalEnd(run.id, settledBefore);
          return end ? recordRunEnd(org.id, run.id, end) : false;
        }),
      );
      result.checked += batch.length;
      result.ended += ends.filter(Boolean).length;
    }
  }
  return result;
}

/**
 * How Temporal ended the run's workflow; null while it runs, or when Temporal cannot tell. A run
 * Temporal has no execution for (its start failed between the row and the workflow) is left
 * as it is: nothing says how it ended. So is one whose end the interpreter records itself,
 * until `settledBefore`.
 */
async function temporalEnd(runId: string, settledBefore: Date): Promise<RunEnd | null> {
  const handle = (await temporalClient()).workflow.getHandle(runId);
  let description: WorkflowExecutionDescription;
  try {
    description = await handle.describe();
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) log.warn('could not describe a run', { runId, error });
    return null;
  }
  const status = description.status.name;
  const endedAt = description.closeTime ?? new Date();
  // Ends the interpreter records itself are left to it for a while.
  const recordedByInterpreter = ['COMPLETED', 'FAILED', 'CANCELLED'].includes(status);
  if (recordedByInterpreter && endedAt > settledBefore) return null;
  // The interpreter's own record of success is best effort (a sink); the result is not.
  if (status === 'COMPLETED') return { status: 'SUCCEEDED', endedAt, output: await handle.result() };
  if (!CLOSED_STATUS[status]) return null;
  return {
    status: CLOSED_STATUS[status],
    endedAt,
    error: {
      type: `Workflow${status}`,
      message: `Temporal reports the run ${status.toLowerCase().replace('_', ' ')}`,
    },
  };
}

/**
 * Records a run's end if it is still recorded as active, and publishes it like the
 * interpreter's own reports: its attempts left open are cancelled, and every change takes the
 * run's next change number so live views pick it up. False if something else recorded the end first.
 */
export async function recordRunEnd(orgId: string, runId: string, end: RunEnd): Promise<boolean> {
  const closed = await withOrgTransaction(orgId, async (tx) => {
    const [run] = await tx.$queryRaw<{ lastEventSeq: number; startedAt: Date | null; createdAt: Date }[]>`
      SELECT last_event_seq AS "lastEventSeq", started_at AS "startedAt", created_at AS "createdAt"
      FROM runs
      WHERE id = ${runId} AND org_id = ${orgId}::uuid AND status IN ('QUEUED', 'RUNNING', 'WAITING')
      FOR UPDATE`;
    if (!run) return null;
    const steps = await tx.$queryRaw<{ nodeId: string; iteration: number; attempt: number }[]>`
      UPDATE run_steps SET status = 'CANCELLED', ended_at = ${end.endedAt},
        event_seq = ${run.lastEventSeq} + open.position
      FROM (
        SELECT id, row_number() OVER (ORDER BY started_at NULLS LAST, id) AS position
        FROM run_steps
        WHERE run_id = ${runId} AND status IN ('PENDING', 'RUNNING', 'WAITING')
      ) AS open
      WHERE run_steps.id = open.id
      RETURNING node_id AS "nodeId", iteration, attempt`;
    const seq = run.lastEventSeq + steps.length + 1;
    const startedAt = run.startedAt ?? run.createdAt;
    await tx.run.update({
      where: { id: runId },
      data: {
        status: end.status,
        endedAt: end.endedAt,
        durationMs: Math.max(0, end.endedAt.getTime() - startedAt.getTime()),
        ...(end.error ? { error: end.error as unknown as Prisma.InputJsonValue } : {}),
        ...(end.output !== undefined
          ? { output: end.output === null ? Prisma.DbNull : (end.output as Prisma.InputJsonValue) }
          : {}),
        lastEventSeq: seq,
        statusEventSeq: seq,
      },
    });
    return steps;
  });
  if (!closed) return false;
  const endedAt = end.endedAt.toISOString();
  const steps: StepRecord[] = closed.map((step) => ({ ...step, status: 'CANCELLED', endedAt }));
  await publishProgress({ runId, orgId, run: { status: end.status, error: end.error, endedAt }, steps });
  log.info('run end recorded from Temporal', { runId, orgId, status: end.status, error: end.error?.type });
  return true;
}
