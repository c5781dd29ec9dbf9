import type { OrgContext } from '../auth/current-org';
import { ApiError, notFound } from '../api/errors';
import { orgDb, withOrgTransaction } from '../db/tenant';
import { readRunStepsJson } from './run-steps-json';
import type { Prisma } from '../db/generated/client';
import type { WorkflowDefinition } from '../definition/schema';
import { temporalClient } from '../../temporal/client';
import { resolvePayloadRefs } from './payloads';
import { describeRunActor, describeRunActors } from './run-actor';
import { LIVE_STATE_QUERY, type LiveRunState } from './run-contract';
import type { ListRunsQuery } from './schemas';
import { ACTIVE_RUN_STATUSES } from './reconcile-ended-runs';
import { firstRenderSteps } from './first-render-steps';
import { publicStep, STEP_ORDER, summarizeNodes, type NodeSummary } from './step-view';
import { temporalRunUrl } from './temporal-link';

const ACTIVE = new Set<string>(ACTIVE_RUN_STATUSES);

async function findRun(org: OrgContext, runId: string, withDefinition: boolean) {
  const run = await orgDb(org.orgId).run.findFirst({
    where: { id: runId, orgId: org.orgId },
    include: {
      workflow: { select: { id: true, name: true, deletedAt: true } },
      version: { select: { version: true, definition: withDefinition } },
    },
  });
  if (!run) throw notFound('Run');
  return run;
}

/** A node's summary as sent: its times are Dates, or ISO strings where read as JSON. */
type SentNodeSummary = Omit<NodeSummary, 'startedAt' | 'endedAt'> & {
  startedAt: Date | string | null;
  endedAt: Date | string | null;
};

/**
 * The state Temporal holds right now, for runs still going; null if it cannot be asked or the
 * workflow has ended. Queries also answer for closed workflows, so the execution's status is
 * checked first. Reading never writes: a run Temporal ended on its own is recorded by the
 * reconcile job (lib/runs/reconcile-ended-runs.ts).
 */
async function liveState(runId: string): Promise<LiveRunState | null> {
  try {
    const handle = (await temporalClient()).workflow.getHandle(runId);
    const description = await handle.describe();
    if (description.status.name !== 'RUNNING') return null;
    return await handle.query<LiveRunState>(LIVE_STATE_QUERY);
  } catch {
    return null;
  }
}

/**
 * A run with its steps and a per-node summary (latest attempt of each node), as the JSON text
 * GET /api/runs/:id answers: the steps as PostgreSQL serialized them (lib/runs/run-steps-json.ts).
 */
export async function getRunJson(org: OrgContext, runId: string): Promise<string> {
  const [run, steps] = await Promise.all([
    findRun(org, runId, false),
    withOrgTransaction(org.orgId, (tx) => readRunStepsJson(tx, org.orgId, runId)),
  ]);
  const described = JSON.stringify(await describeRun(org, run, JSON.parse(steps.nodes)));
  return `${described.slice(0, -1)},"steps":${steps.steps}}`;
}

/**
 * What the run page reads: the run as `getRun` gives it, but with only the steps its first
 * render shows (lib/runs/first-render-steps.ts; `steps` and `nodes` cover those alone), how many
 * steps the run has, and the definition of the version it ran, unless its workflow was deleted
 * (its versions are then gone from view).
 */
export async function getRunForPage(org: OrgContext, runId: string, openNodeId: string | null) {
  const kept = await firstRenderSteps(org.orgId, runId, openNodeId);
  const run = await findRun(org, runId, true);
  const steps = await orgDb(org.orgId).runStep.findMany({
    where: { runId, orgId: org.orgId, id: { in: kept.ids } },
    orderBy: STEP_ORDER,
  });
  return {
    run: { ...(await describeRun(org, run, summarizeNodes(steps))), steps: steps.map(publicStep) },
    stepsTotal: kept.total,
    definition: run.workflow.deletedAt
      ? null
      : ((run.version?.definition ?? run.draftDefinition) as unknown as WorkflowDefinition),
  };
}

async function describeRun(
  org: OrgContext,
  run: Awaited<ReturnType<typeof findRun>>,
  nodes: Record<string, SentNodeSummary>,
) {
  const [live, startedBy, output] = await Promise.all([
    ACTIVE.has(run.status) ? liveState(run.id) : null,
    describeRunActor(org, run.startedByType, run.startedById),
    resolvePayloadRefs(run.output, org.orgId),
  ]);
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
    workflow: { id: run.workflow.id, name: run.workflow.name },
    // Null for a run of the draft (a webhook's test URL).
    version: run.version?.version ?? null,
    trigger: run.trigger,
    startedBy,
    status: run.status,
    input: run.input,
    output,
    error: run.error,
    rerunOfId: run.rerunOfId,
    traceId: run.traceId,
    temporalUrl: temporalRunUrl(run.id),
    parentRunId: run.parentRunId,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    durationMs: run.durationMs,
    waitingApprovals: live?.waitingApprovals ?? [],
    nodes,
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
    version: version?.version ?? null,
    startedBy: actors[index],
  }));
  return { items, nextCursor: rows.length > query.limit ? encodeCursor(items[items.length - 1]) : null };
}
