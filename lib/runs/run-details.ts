import type { OrgContext } from '../auth/current-org';
import { ApiError, notFound } from '../api/errors';
import { orgDb } from '../db/tenant';
import type { Prisma } from '../db/generated/client';
import { temporalClient } from '../../temporal/client';
import { resolvePayloadRefs } from './payloads';
import { describeRunActor, describeRunActors } from './run-actor';
import { LIVE_STATE_QUERY, type LiveRunState, type RunStatus } from './run-contract';
import type { ListRunsQuery } from './schemas';
import { publicStep, STEP_ORDER, summarizeNodes } from './step-view';

const ACTIVE = new Set(['QUEUED', 'RUNNING', 'WAITING']);

async function findRun(org: OrgContext, runId: string) {
  const run = await orgDb(org.orgId).run.findFirst({
    where: { id: runId, orgId: org.orgId },
    include: {
      workflow: { select: { id: true, name: true } },
      version: { select: { version: true } },
      steps: { orderBy: STEP_ORDER },
    },
  });
  if (!run) throw notFound('Run');
  return run;
}

const CLOSED_STATUS: Record<string, 'FAILED' | 'CANCELLED'> = {
  TIMED_OUT: 'FAILED',
  TERMINATED: 'CANCELLED',
  FAILED: 'FAILED',
  CANCELLED: 'CANCELLED',
};

/**
 * The state Temporal holds right now, for runs still going; null if it cannot be asked. A run
 * that Temporal ended without the interpreter recording it (a workflow timeout, a termination
 * from the Temporal UI) is marked ended here. Queries also answer for closed workflows, so the
 * execution's status is checked first.
 */
async function liveState(org: OrgContext, runId: string): Promise<LiveRunState | null> {
  try {
    const handle = (await temporalClient()).workflow.getHandle(runId);
    const description = await handle.describe();
    const status = description.status.name;
    if (status === 'RUNNING') return await handle.query<LiveRunState>(LIVE_STATE_QUERY);
    const stillActive = { id: runId, status: { in: ['QUEUED', 'RUNNING', 'WAITING'] as RunStatus[] } };
    const endedAt = description.closeTime ?? new Date();
    if (status === 'COMPLETED') {
      // The interpreter's own record of success is best effort (a sink); the result is not.
      const output = await handle.result();
      await orgDb(org.orgId).run.updateMany({
        where: stillActive,
        data: { status: 'SUCCEEDED', output: output as never, endedAt },
      });
    } else if (CLOSED_STATUS[status]) {
      await orgDb(org.orgId).run.updateMany({
        where: stillActive,
        data: {
          status: CLOSED_STATUS[status],
          endedAt,
          error: {
            type: `Workflow${status}`,
            message: `Temporal reports the run ${status.toLowerCase().replace('_', ' ')}`,
          },
        },
      });
    }
    return null;
  } catch {
    return null;
  }
}

/** A run with its steps and a per-node summary (latest attempt of each node). */
export async function getRun(org: OrgContext, runId: string) {
  let run = await findRun(org, runId);
  const nodes = summarizeNodes(run.steps);
  const live = ACTIVE.has(run.status) ? await liveState(org, runId) : null;
  if (ACTIVE.has(run.status) && !live) run = await findRun(org, runId);
  if (live) {
    for (const [nodeId, state] of Object.entries(live.nodes)) {
      nodes[nodeId] = {
        ...nodes[nodeId],
        status: state.status,
        attempts: Math.max(nodes[nodeId]?.attempts ?? 0, state.attempt),
        iterations: nodes[nodeId]?.iterations ?? 1,
        startedAt: nodes[nodeId]?.startedAt ?? (state.startedAt ? new Date(state.startedAt) : null),
        endedAt: state.endedAt ? new Date(state.endedAt) : null,
        error: state.error ?? null,
      };
    }
  }
  return {
    id: run.id,
    workflow: run.workflow,
    version: run.version.version,
    trigger: run.trigger,
    startedBy: await describeRunActor(org, run.startedByType, run.startedById),
    status: run.status,
    input: run.input,
    output: await resolvePayloadRefs(run.output, org.orgId),
    error: run.error,
    rerunOfId: run.rerunOfId,
    parentRunId: run.parentRunId,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    durationMs: run.durationMs,
    waitingApprovals: live?.waitingApprovals ?? [],
    nodes,
    steps: run.steps.map(publicStep),
  };
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [time, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
    const createdAt = new Date(time);
    if (!id || Number.isNaN(createdAt.getTime())) throw new Error('bad cursor');
    return { createdAt, id };
  } catch {
    throw new ApiError(400, 'invalid_request', 'cursor: not a cursor this API returned');
  }
}

const encodeCursor = (run: { createdAt: Date; id: string }) =>
  Buffer.from(`${run.createdAt.toISOString()}|${run.id}`).toString('base64url');

/** Runs newest first, filtered, with cursor pagination. */
export async function listRuns(org: OrgContext, query: ListRunsQuery) {
  const where: Prisma.RunWhereInput = {
    orgId: org.orgId,
    ...(query.workflowId ? { workflowId: query.workflowId } : {}),
    ...(query.status ? { status: { in: query.status } } : {}),
    ...(query.trigger ? { trigger: { in: query.trigger } } : {}),
    ...(query.q ? { id: { startsWith: query.q, mode: 'insensitive' as const } } : {}),
    ...(query.from || query.to
      ? {
          createdAt: {
            ...(query.from ? { gte: new Date(query.from) } : {}),
            ...(query.to ? { lt: new Date(query.to) } : {}),
          },
        }
      : {}),
  };
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    where.OR = [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }];
  }
  const rows = await orgDb(org.orgId).run.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    select: {
      id: true,
      status: true,
      trigger: true,
      createdAt: true,
      startedAt: true,
      endedAt: true,
      durationMs: true,
      // A failed run's error names the node that failed it: the list shows both.
      error: true,
      startedByType: true,
      startedById: true,
      workflow: { select: { id: true, name: true } },
      version: { select: { version: true } },
    },
  });
  const page = rows.slice(0, query.limit);
  const actors = await describeRunActors(org, page);
  const items = page.map(({ version, startedByType: _type, startedById: _id, ...row }, index) => ({
    ...row,
    version: version.version,
    startedBy: actors[index],
  }));
  return { items, nextCursor: rows.length > query.limit ? encodeCursor(items[items.length - 1]) : null };
}
