import { withOrgTransaction } from '../db/tenant';
import type { Prisma, RunLog, RunStep } from '../db/generated/client';
import { resolvePayloadRefs } from '../runs/payloads';
import { readRunStepsJson, type RunStepsJson } from '../runs/run-steps-json';

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
  /** The steps changed after the number asked for, in change order. */
  steps: RunStep[];
  /** Log lines in change order: those written after the number asked for, or a snapshot's newest SNAPSHOT_LOG_LIMIT. */
  logs: RunLog[];
  /** Older lines a snapshot leaves out. */
  logsOmitted: number;
}

/** What a fresh stream starts with: every step, and the per-node summary, as JSON text. */
export interface RunSnapshot extends Omit<RunChanges, 'steps'> {
  steps: RunStepsJson;
}

// One snapshot for every read: the run's counter then covers exactly the steps and lines read.
const ONE_SNAPSHOT = { isolationLevel: 'RepeatableRead' as const };

async function withResolvedOutput<T extends { run: { output: unknown } }>(read: T | null, orgId: string) {
  if (!read) return null;
  return { ...read, run: { ...read.run, output: await resolvePayloadRefs(read.run.output, orgId) } };
}

/**
 * A run as the database holds it at one moment: all of its steps (serialized by PostgreSQL) and
 * its newest log lines. Null when the org has no such run.
 */
export async function readRunSnapshot(orgId: string, runId: string): Promise<RunSnapshot | null> {
  const snapshot = await withOrgTransaction(
    orgId,
    async (tx) => {
      const run = await tx.run.findFirst({ where: { id: runId, orgId }, select: RUN_FIELDS });
      if (!run) return null;
      const steps = await readRunStepsJson(tx, orgId, runId);
      // The newest lines, newest first, turned around.
      const logs = await tx.runLog.findMany({
        where: { runId, orgId },
        orderBy: [{ eventSeq: 'desc' }, { id: 'desc' }],
        take: SNAPSHOT_LOG_LIMIT,
      });
      logs.reverse();
      const logsOmitted =
        logs.length === SNAPSHOT_LOG_LIMIT ? (await tx.runLog.count({ where: { runId, orgId } })) - logs.length : 0;
      return { run, steps, logs, logsOmitted };
    },
    ONE_SNAPSHOT,
  );
  return withResolvedOutput(snapshot, orgId);
}

/**
 * The steps and log lines of a run written after change number `afterSeq`, and the run as it is
 * now, at one moment. Null when the org has no such run.
 */
export async function readRunChanges(orgId: string, runId: string, afterSeq: number): Promise<RunChanges | null> {
  const changes = await withOrgTransaction(
    orgId,
    async (tx) => {
      const run = await tx.run.findFirst({ where: { id: runId, orgId }, select: RUN_FIELDS });
      if (!run) return null;
      const steps = await tx.runStep.findMany({
        where: { runId, orgId, eventSeq: { gt: afterSeq } },
        orderBy: { eventSeq: 'asc' },
      });
      const logs = await tx.runLog.findMany({
        where: { runId, orgId, eventSeq: { gt: afterSeq } },
        orderBy: [{ eventSeq: 'asc' }, { id: 'asc' }],
      });
      return { run, steps, logs, logsOmitted: 0 };
    },
    ONE_SNAPSHOT,
  );
  return withResolvedOutput(changes, orgId);
}
