import { withOrgTransaction } from '../db/tenant';
import type { Prisma, RunStep } from '../db/generated/client';
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

export interface RunChanges {
  /** With its output's payload references resolved. */
  run: Omit<Prisma.RunGetPayload<{ select: typeof RUN_FIELDS }>, 'output'> & { output: unknown };
  /** All steps in the order they started, or those changed after the number asked for, in change order. */
  steps: RunStep[];
}

/**
 * A run and its steps as the database holds them at one moment: all of its steps when
 * `afterSeq` is null, else the steps written after change number `afterSeq`. Null when the org
 * has no such run.
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
      return { run, steps };
    },
    // One snapshot for both reads: the run's counter then covers exactly the steps read.
    { isolationLevel: 'RepeatableRead' },
  );
  if (!changes) return null;
  return { ...changes, run: { ...changes.run, output: await resolvePayloadRefs(changes.run.output, orgId) } };
}
