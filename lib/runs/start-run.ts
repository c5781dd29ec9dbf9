import { randomUUID } from 'node:crypto';
import type { OrgContext } from '../auth/current-org';
import { ApiError, notFound } from '../api/errors';
import { withOrgTransaction } from '../db/tenant';
import { isUuid } from '../db/ids';
import type { Prisma } from '../db/generated/client';
import type { RunTrigger } from '../db/generated/enums';
import { workflowDefinitionSchema, type WorkflowDefinition } from '../definition/schema';
import { ENGINE_REVISION, type ReusedStep, type RunWorkflowInput } from './run-contract';
import type { StartRunBody } from './schemas';
import { recordAuditIn } from '../audit/record';
import { activeTrace } from '../telemetry/active-trace';
import { ACTIVE_RUN_STATUSES } from './reconcile-ended-runs';
import { recordPublishedRun } from './record-published-run';
import { queuedRunStarts, queueRunStart } from './run-start-queue';
import { recordStartFailed, startRunWorkflow } from './start-run-workflow';
import { positiveIntSetting } from '../config/positive-int-setting';

export interface StartOptions {
  trigger: RunTrigger;
  /** Runs this definition (the draft, validated) instead of a published version. */
  draft?: WorkflowDefinition;
  reuse?: Record<string, ReusedStep>;
  rerunOfId?: string;
  /**
   * Answers once Temporal has taken the run, 503 `engine_unavailable` if it does not, instead
   * of queueing its start. Reruns take this: their reused outputs are in no row the
   * start-stranded-runs job could start them again from.
   */
  awaitStart?: boolean;
}

export interface StartedRun {
  runId: string;
  /** Null for a run of the draft. */
  version: number | null;
}

/**
 * Starts this process records at once. Past it, a start is answered 503 `overloaded` with
 * Retry-After at once, while the database pool still serves the starts in flight, instead of
 * queueing for a connection until Prisma gives up on the transaction. At 32, fifty clients each
 * waiting on its run (`?wait=`) had 2% of their starts refused while the pool kept up: a
 * published version's start holds a connection for one round trip.
 */
function maxStartsInFlight(): number {
  return positiveIntSetting('START_RUN_MAX_IN_FLIGHT', 64);
}
let startsInFlight = 0;

/** Recorded runs this process may hold waiting for Temporal to take them; past it, 503. */
function maxQueuedStarts(): number {
  return positiveIntSetting('START_RUN_MAX_QUEUED', 2_000);
}

function overloaded(): ApiError {
  const message = 'The server is starting too many runs at once: retry in a moment';
  return new ApiError(503, 'overloaded', message, undefined, { 'Retry-After': '1' });
}

/**
 * Records a run and has it started on Temporal with the run id as the workflow id.
 *
 * The run row (QUEUED) and its `run.start` (or `run.rerun`) audit row are written in one
 * statement or transaction, with the version lookup and the concurrency check, before Temporal
 * is asked: a run never exists without its audit row. The answer does not wait for Temporal:
 * the start is queued in this process (lib/runs/run-start-queue.ts), which asks again while
 * Temporal is away, and a start this process never makes is made by the start-stranded-runs
 * job. A run Temporal refuses for good is marked FAILED (`StartFailed`), its audit row kept.
 * With `awaitStart` the answer waits, and a refusal is 503 `engine_unavailable`.
 */
export async function startRun(
  org: OrgContext,
  workflowId: string,
  body: StartRunBody,
  options: StartOptions,
): Promise<StartedRun> {
  if (startsInFlight >= maxStartsInFlight()) throw overloaded();
  if (!options.awaitStart && queuedRunStarts() >= maxQueuedStarts()) throw overloaded();
  startsInFlight++;
  try {
    return await recordAndStart(org, workflowId, body, options);
  } finally {
    startsInFlight--;
  }
}

interface PublishedTarget {
  workflowName: string;
  versionId: string | null;
  version: number | null;
  definition: unknown;
}

export interface RecordedRun {
  runId: string;
  version: number;
  /** What the run workflow is started with: the whole definition, so it never reads it. */
  workflowInput: RunWorkflowInput;
  /** The definition's run timeout, for the workflow's execution timeout. */
  timeoutMs?: number;
}

/**
 * Records a run without starting it: the version lookup, the concurrency check, the `runs` row
 * (QUEUED) and its audit row, atomically. `startRun` then starts it with the Temporal client; a
 * scheduled run is started as the child of its schedule's workflow instead
 * (temporal/workflows/scheduled-run-workflow.ts), with the id given here.
 */
export async function recordRun(
  org: OrgContext,
  workflowId: string,
  body: StartRunBody,
  options: StartOptions & { runId?: string },
): Promise<RecordedRun> {
  if (!isUuid(workflowId)) throw notFound('Workflow');
  const row: RunRow = { runId: options.runId ?? randomUUID(), input: body.input ?? null, requestedAt: new Date() };
  const recorded =
    (options.draft ? null : await recordInOneStatement(org, workflowId, body, options, row)) ??
    (await recordInTransaction(org, workflowId, body, options, row));
  const { version, definition } = recorded;
  const workflowInput: RunWorkflowInput = {
    runId: row.runId,
    orgId: org.orgId,
    workflowId,
    version,
    definition,
    input: row.input,
    requestedAt: row.requestedAt.toISOString(),
    engineRevision: ENGINE_REVISION,
    ...(options.reuse ? { reuse: options.reuse } : {}),
  };
  return { runId: row.runId, version, workflowInput, timeoutMs: definition.settings.timeoutMs };
}

/** What a recording writes that its caller chose. */
interface RunRow {
  runId: string;
  input: unknown;
  requestedAt: Date;
}

interface RecordedTarget {
  version: number;
  definition: WorkflowDefinition;
}

/**
 * The common start, a published version without a concurrency limit, in one round trip; null
 * for a version with a limit, which nothing was written for.
 */
async function recordInOneStatement(
  org: OrgContext,
  workflowId: string,
  body: StartRunBody,
  options: StartOptions,
  row: RunRow,
): Promise<RecordedTarget | null> {
  const found = await recordPublishedRun(org, {
    ...row,
    workflowId,
    version: body.version,
    trigger: options.trigger,
    rerunOfId: options.rerunOfId,
  });
  if (found?.limited) return null;
  return assertPublished(found, body.version);
}

/**
 * A run of the draft, or of a version with a concurrency limit: the lookup, the check, the run
 * and its audit row in one interactive transaction.
 */
async function recordInTransaction(
  org: OrgContext,
  workflowId: string,
  body: StartRunBody,
  options: StartOptions,
  row: RunRow,
): Promise<RecordedTarget> {
  return withOrgTransaction(org.orgId, async (tx) => {
    const published = options.draft
      ? await draftTarget(tx, org, workflowId, options.draft)
      : await findPublishedVersion(tx, org, workflowId, body.version);
    await assertUnderConcurrencyLimit(tx, org, workflowId, published.definition);
    // createMany: the row is not read back, so the insert carries no RETURNING.
    await tx.run.createMany({
      data: [
        {
          id: row.runId,
          orgId: org.orgId,
          workflowId,
          versionId: published.versionId,
          draftDefinition: options.draft as Prisma.InputJsonObject | undefined,
          trigger: options.trigger,
          input: row.input as never,
          startedByType: org.actor.type,
          startedById: org.actor.id,
          rerunOfId: options.rerunOfId,
          createdAt: row.requestedAt,
          // The request's trace, which the Temporal client carries on into the run.
          traceId: activeTrace()?.traceId,
        },
      ],
    });
    await recordAuditIn(tx, org, {
      action: options.trigger === 'RERUN' ? 'run.rerun' : 'run.start',
      targetType: 'run',
      targetId: row.runId,
      data: {
        workflowId,
        version: options.draft ? 'draft' : published.version,
        ...(options.rerunOfId ? { rerunOf: options.rerunOfId } : {}),
      },
    });
    return published;
  });
}

async function recordAndStart(
  org: OrgContext,
  workflowId: string,
  body: StartRunBody,
  options: StartOptions,
): Promise<StartedRun> {
  const { runId, version, workflowInput, timeoutMs } = await recordRun(org, workflowId, body, options);
  const started = { runId, version: options.draft ? null : version };
  if (!options.awaitStart) {
    queueRunStart({ orgId: org.orgId, trigger: options.trigger, workflowInput, timeoutMs });
    return started;
  }
  try {
    await startRunWorkflow(workflowInput, { trigger: options.trigger, timeoutMs });
  } catch (error) {
    const message = await recordStartFailed(org.orgId, runId, error);
    // Temporal coming back is a matter of seconds to minutes; a new start is a new run.
    throw new ApiError(503, 'engine_unavailable', message, undefined, { 'Retry-After': '5' });
  }
  return started;
}

/**
 * The published version a run uses, the one named or the latest, found with its workflow's
 * name in one query.
 */
async function findPublishedVersion(
  tx: Prisma.TransactionClient,
  org: OrgContext,
  workflowId: string,
  requested: number | undefined,
): Promise<{ versionId: string; version: number; definition: WorkflowDefinition }> {
  const wanted = requested ?? null;
  const [found] = await tx.$queryRaw<PublishedTarget[]>`
    SELECT w.name AS "workflowName", v.id AS "versionId", v.version, v.definition
    FROM workflows w
    LEFT JOIN LATERAL (
      SELECT id, version, definition FROM workflow_versions
      WHERE workflow_id = w.id AND org_id = w.org_id AND (${wanted}::int IS NULL OR version = ${wanted}::int)
      ORDER BY version DESC
      LIMIT 1
    ) v ON true
    WHERE w.id = ${workflowId}::uuid AND w.org_id = ${org.orgId}::uuid AND w.deleted_at IS NULL`;
  return assertPublished(found, requested);
}

/** The version found, parsed; 404 for no workflow or no such version, 409 for none published. */
function assertPublished(
  found: PublishedTarget | null | undefined,
  requested: number | undefined,
): RecordedTarget & { versionId: string } {
  if (!found) throw notFound('Workflow');
  if (!found.versionId || found.version === null) {
    throw requested
      ? new ApiError(404, 'version_not_found', `Workflow "${found.workflowName}" has no version ${requested}`)
      : new ApiError(409, 'not_published', `Workflow "${found.workflowName}" has no published version to run yet`);
  }
  const definition = workflowDefinitionSchema.parse(found.definition);
  return { versionId: found.versionId, version: found.version, definition };
}

/** A run of the draft: version 0 to the run workflow, no version row. */
async function draftTarget(
  tx: Prisma.TransactionClient,
  org: OrgContext,
  workflowId: string,
  definition: WorkflowDefinition,
): Promise<{ versionId: null; version: number; definition: WorkflowDefinition }> {
  const live = await tx.workflow.findFirst({
    where: { id: workflowId, orgId: org.orgId, deletedAt: null },
    select: { id: true },
  });
  if (!live) throw notFound('Workflow');
  return { versionId: null, version: 0, definition };
}

/**
 * A workflow with a concurrency limit takes its starts one at a time: each waits on the
 * workflow's row until the one before it has committed its run, so two starts cannot both
 * see room for one. Workflows without a limit take no lock and no count.
 */
async function assertUnderConcurrencyLimit(
  tx: Prisma.TransactionClient,
  org: OrgContext,
  workflowId: string,
  definition: WorkflowDefinition,
) {
  const limit = definition.settings.concurrencyLimit;
  if (!limit) return;
  await tx.$executeRaw`SELECT 1 FROM workflows WHERE id = ${workflowId}::uuid FOR UPDATE`;
  const active = await tx.run.count({
    where: { orgId: org.orgId, workflowId, status: { in: ACTIVE_RUN_STATUSES } },
  });
  if (active >= limit) {
    throw new ApiError(
      429,
      'concurrency_limit',
      `This workflow allows ${limit} active run(s) at a time and has ${active}`,
      {
        limit,
        active,
      },
    );
  }
}
