import { withOrgTransaction } from '../db/tenant';
import type { Prisma, RunLog, RunStep } from '../db/generated/client';
import { resolvePayloadRefs } from '../runs/payloads';
import { STEP_ORDER } from '../runs/step-view';

const RUN_FIELDS = {
  id: true,
  status: true,
  error: true,
  output: true,
  createdAt: true,
  startedAt: true,
  endedAt: true,
  durationMs: true,
  lastEventSeq: true,
  statusEventSeq: true,
} as const;

/** A fresh stream starts with this many of the newest log lines at most. */
export const SNAPSHOT_LOG_LIMIT = 1000;

export interface RunChanges {
  /** With its output's payload references resolved. */
  run: Omit<Prisma.RunGetPayload<{ select: typeof RUN_FIELDS }>, 'output'> & { output: unknown };
  /** All steps in the order they started, or those changed after the number asked for, in change order. */
  steps: RunStep[];
  /** Log lines in change order: the newest SNAPSHOT_LOG_LIMIT when `afterSeq` is null, else those written after it. */
  logs: RunLog[];
  /** Older lines a snapshot leaves out. */
  logsOmitted: number;
}

/**
 * A run, its steps and log lines as the database holds them at one moment: all of its steps
 * (and its newest lines) when `afterSeq` is null, else the steps and lines written after change
 * number `afterSeq`. Null when the org has no such run.
 */
export async function readRunChanges(
  orgId: string,
  runId: string,
  afterSeq: number | null,
): Promise<RunChanges | null> {
  const changes = await withOrgTransaction(
    orgId,
    async (tx) => {
      const run = await tx.run.findFirst({ where: { id: runId, orgId }, select: RUN_FIELDS });
      if (!run) return null;
      const steps = await tx.runStep.findMany({
        where: { runId, orgId, ...(afterSeq === null ? {} : { eventSeq: { gt: afterSeq } }) },
        orderBy: afterSeq === null ? STEP_ORDER : { eventSeq: 'asc' },
      });
      // A snapshot reads the newest lines, newest first, and turns them around.
      const newest = afterSeq === null;
      const order = newest ? ('desc' as const) : ('asc' as const);
      const logs = await tx.runLog.findMany({
        where: { runId, orgId, ...(newest ? {} : { eventSeq: { gt: afterSeq } }) },
        orderBy: [{ eventSeq: order }, { id: order }],
        ...(newest ? { take: SNAPSHOT_LOG_LIMIT } : {}),
      });
      if (newest) logs.reverse();
      const logsOmitted =
        newest && logs.length === SNAPSHOT_LOG_LIMIT
          ? (await tx.runLog.count({ where: { runId, orgId } })) - logs.length
          : 0;
      return { run, steps, logs, logsOmitted };
    },
    // One snapshot for every read: the run's counter then covers exactly the steps and lines read.
    { isolationLevel: 'RepeatableRead' },
  );
  if (!changes) return null;
  return { ...changes, run: { ...changes.run, output: await resolvePayloadRefs(changes.run.output, orgId) } };
}
