import type { OrgContext } from '../auth/current-org';
import { ApiError, notFound } from '../api/errors';
import { recordAudit } from '../audit/record';
import { scheduleTrigger } from '../connectors/nodes/schedule-trigger';
import { db } from '../db/client';
import { Prisma, type Schedule } from '../db/generated/client';
import { isUuid } from '../db/ids';
import { orgDb } from '../db/tenant';
import type { WorkflowDefinition } from '../definition/schema';
import { createLogger } from '../logging/logger';
import { scheduledRunId } from './scheduled-run-id';
import { describeSchedule, pushSchedule, temporalScheduleId, triggerScheduleNow } from './temporal-schedule';

const log = createLogger({ component: 'schedules' });

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/** How many upcoming fire times the API lists. */
const NEXT_FIRE_TIMES = 5;

/**
 * Pushes a workflow's schedule row to Temporal and marks it synced, unless it changed in the
 * meantime (a publish or a pause while this ran): that change is pushed by its own sync or by
 * the reconcile job. A failure is kept on the row, for the API and the job, and thrown.
 */
export async function syncSchedule(orgId: string, workflowId: string): Promise<void> {
  const scheduleDb = orgDb(orgId).schedule;
  const row = await scheduleDb.findFirst({ where: { orgId, workflowId } });
  if (!row) return;
  try {
    await pushSchedule(row);
  } catch (error) {
    const syncError = `Temporal did not take the schedule: ${(error as Error).message}`;
    await scheduleDb.updateMany({ where: { id: row.id, orgId }, data: { needsSync: true, syncError } });
    throw error;
  }
  const unchanged = { id: row.id, orgId, updatedAt: row.updatedAt };
  if (row.removed) await scheduleDb.deleteMany({ where: unchanged });
  else await scheduleDb.updateMany({ where: unchanged, data: { needsSync: false, syncError: null } });
}

/** Syncs and logs: a failure stays on the row for the reconcile-schedules job. */
async function trySync(orgId: string, workflowId: string): Promise<void> {
  await syncSchedule(orgId, workflowId).catch((error: unknown) => {
    log.warn('schedule not synced with Temporal: the reconcile job retries it', { workflowId, error });
  });
}

/**
 * Keeps a workflow's schedule in step with the version just published: a schedule trigger
 * (the first, if there are several) writes its spec and policies to the workflow's schedule
 * row, keeping whether it is paused; a version without one marks the row removed. The row is
 * then pushed to Temporal. The version is published either way: when Temporal cannot be
 * reached, the row stays marked unsynced and the reconcile-schedules job pushes it later.
 */
export async function keepScheduleInStep(
  orgId: string,
  workflowId: string,
  version: number,
  definition: WorkflowDefinition,
): Promise<void> {
  const scheduleDb = orgDb(orgId).schedule;
  const current = await scheduleDb.findFirst({ where: { orgId, workflowId }, select: { version: true } });
  // A later version published at the same time already set it.
  if (current && current.version > version) return;
  const node = definition.nodes.find((candidate) => candidate.type === scheduleTrigger.type);
  const parsed = node && scheduleTrigger.config.safeParse(node.config);
  if (node && parsed?.success) {
    const { cron, timezone, overlapPolicy, catchupWindowSeconds, input } = parsed.data;
    const spec = {
      cron,
      timezone,
      overlapPolicy,
      catchupWindowSeconds,
      input: (input ?? undefined) as Prisma.InputJsonValue | undefined,
      version,
      nodeId: node.id,
      removed: false,
      needsSync: true,
    };
    const upsert = () =>
      scheduleDb.upsert({
        where: { workflowId },
        create: { orgId, workflowId, temporalId: temporalScheduleId(workflowId), ...spec },
        update: spec,
      });
    // Two first publishes at once both try to create the row: the second updates it instead.
    await upsert().catch((error: unknown) => (isUniqueViolation(error) ? upsert() : Promise.reject(error)));
  } else {
    if (node) log.warn('schedule trigger config not usable: schedule removed', { workflowId, nodeId: node.id });
    if (!current) return;
    await scheduleDb.updateMany({ where: { orgId, workflowId }, data: { removed: true, needsSync: true, version } });
  }
  await trySync(orgId, workflowId);
}

/** A deleted workflow's schedule goes with it. */
export async function removeSchedule(orgId: string, workflowId: string): Promise<void> {
  const { count } = await orgDb(orgId).schedule.updateMany({
    where: { orgId, workflowId },
    data: { removed: true, needsSync: true },
  });
  if (count > 0) await trySync(orgId, workflowId);
}

/** Pushes every schedule change Temporal has not taken yet: the reconcile-schedules job. */
export async function reconcileSchedules(): Promise<{ synced: number; failed: number }> {
  const orgs = await db().$queryRaw<{ id: string }[]>`SELECT org_id AS id FROM orgs_with_unsynced_schedules()`;
  const result = { synced: 0, failed: 0 };
  for (const org of orgs) {
    const rows = await orgDb(org.id).schedule.findMany({
      where: { orgId: org.id, needsSync: true },
      select: { workflowId: true },
    });
    for (const { workflowId } of rows) {
      try {
        await syncSchedule(org.id, workflowId);
        result.synced++;
      } catch (error) {
        result.failed++;
        log.warn('schedule still not synced with Temporal', { orgId: org.id, workflowId, error });
      }
    }
  }
  return result;
}

async function findLiveSchedule(org: OrgContext, workflowId: string) {
  const found = isUuid(workflowId)
    ? await orgDb(org.orgId).workflow.findFirst({
        where: { id: workflowId, orgId: org.orgId, deletedAt: null },
        select: { id: true, name: true, schedules: { where: { removed: false } } },
      })
    : null;
  if (!found) throw notFound('Workflow');
  const [schedule] = found.schedules;
  if (!schedule) {
    throw new ApiError(
      409,
      'no_schedule_trigger',
      `Workflow "${found.name}" has no published version with a schedule trigger (trigger.schedule): publish one first`,
    );
  }
  return { workflowName: found.name, schedule };
}

type ScheduleState = 'active' | 'paused';

/** A schedule as the API shows it: the row's spec and Temporal's view of it, when Temporal answers. */
async function publicSchedule(schedule: Schedule, workflowName: string) {
  const temporalId = schedule.temporalId ?? temporalScheduleId(schedule.workflowId);
  let temporal: Awaited<ReturnType<typeof describeSchedule>> = null;
  let temporalError: string | null = null;
  try {
    temporal = await describeSchedule(temporalId);
  } catch (error) {
    temporalError = `Temporal could not be reached: ${(error as Error).message}`;
  }
  const state: ScheduleState = (temporal ? temporal.state.paused : !schedule.enabled) ? 'paused' : 'active';
  return {
    id: schedule.id,
    workflowId: schedule.workflowId,
    workflowName,
    temporalId,
    version: schedule.version,
    nodeId: schedule.nodeId,
    cron: schedule.cron,
    timezone: schedule.timezone,
    overlapPolicy: schedule.overlapPolicy,
    catchupWindowSeconds: schedule.catchupWindowSeconds,
    input: schedule.input ?? null,
    state,
    // Whether Temporal has taken the latest change; syncError says why not.
    synced: !schedule.needsSync,
    syncError: schedule.syncError ?? temporalError,
    nextFireTimes: (temporal?.info.nextActionTimes ?? []).slice(0, NEXT_FIRE_TIMES).map((time) => time.toISOString()),
    recentActions: (temporal?.info.recentActions ?? [])
      .map((action) => ({
        scheduledAt: action.scheduledAt.toISOString(),
        takenAt: action.takenAt.toISOString(),
        runId: scheduledRunId(action.action.workflow.workflowId),
      }))
      .reverse(),
    lastRunAt: schedule.lastRunAt?.toISOString() ?? null,
    updatedAt: schedule.updatedAt.toISOString(),
  };
}

export type PublicSchedule = Awaited<ReturnType<typeof publicSchedule>>;

export async function getSchedule(org: OrgContext, workflowId: string): Promise<PublicSchedule> {
  const { schedule, workflowName } = await findLiveSchedule(org, workflowId);
  return publicSchedule(schedule, workflowName);
}

/** The org's schedules, each with Temporal's view, by workflow name. */
export async function listSchedules(org: OrgContext): Promise<{ schedules: PublicSchedule[] }> {
  const rows = await orgDb(org.orgId).schedule.findMany({
    where: { orgId: org.orgId, removed: false, workflow: { deletedAt: null } },
    include: { workflow: { select: { name: true } } },
    orderBy: [{ workflow: { name: 'asc' } }, { id: 'asc' }],
  });
  return { schedules: await Promise.all(rows.map(({ workflow, ...row }) => publicSchedule(row, workflow.name))) };
}

/** Pauses or resumes a schedule: the row says so at once, Temporal as soon as it answers. */
export async function setSchedulePaused(org: OrgContext, workflowId: string, paused: boolean) {
  const { schedule } = await findLiveSchedule(org, workflowId);
  await orgDb(org.orgId).schedule.updateMany({
    where: { id: schedule.id, orgId: org.orgId },
    data: { enabled: !paused, needsSync: true },
  });
  await recordAudit(org, {
    action: paused ? 'schedule.pause' : 'schedule.resume',
    targetType: 'workflow',
    targetId: workflowId,
    data: { scheduleId: schedule.id },
  });
  await trySync(org.orgId, workflowId);
  return getSchedule(org, workflowId);
}

// How long "trigger now" waits for Temporal to list the action it took, to name its run.
const TRIGGER_SEEN_WITHIN_MS = 10_000;
const TRIGGER_POLL_MS = 100;

/** The actions Temporal lists for a schedule, and how many fire times its overlap policy skipped. */
async function actionsTaken(temporalId: string) {
  const info = (await describeSchedule(temporalId))?.info;
  return {
    workflowIds: new Set(info?.recentActions.map((action) => action.action.workflow.workflowId) ?? []),
    skipped: info?.numActionsSkippedOverlap ?? 0,
  };
}

/**
 * Takes the schedule's action now, even while paused, and answers with the run it starts:
 * Temporal lists the action within moments, and the run id follows from the action's workflow
 * id. The schedule's overlap policy is checked against the runs its fire times started: a `skip`
 * it answers is 409 `schedule_skipped`. `runId` is null if Temporal has not listed the action in
 * time (it names actions by the second, so a second trigger within the same second starts none).
 */
export async function triggerSchedule(org: OrgContext, workflowId: string): Promise<{ runId: string | null }> {
  const { schedule } = await findLiveSchedule(org, workflowId);
  const temporalId = schedule.temporalId ?? temporalScheduleId(workflowId);
  let runId: string | null = null;
  let skipped = false;
  try {
    if (schedule.needsSync) await syncSchedule(org.orgId, workflowId);
    const before = await actionsTaken(temporalId);
    await triggerScheduleNow(temporalId);
    for (let waited = 0; waited < TRIGGER_SEEN_WITHIN_MS && !runId && !skipped; waited += TRIGGER_POLL_MS) {
      const now = await actionsTaken(temporalId);
      const taken = [...now.workflowIds].filter((id) => !before.workflowIds.has(id));
      if (taken.length > 0) runId = scheduledRunId(taken[taken.length - 1]);
      else if (now.skipped > before.skipped) skipped = true;
      else await new Promise((resolve) => setTimeout(resolve, TRIGGER_POLL_MS));
    }
  } catch (error) {
    const message = `The schedule could not be triggered on Temporal: ${(error as Error).message}`;
    throw new ApiError(503, 'engine_unavailable', message, undefined, { 'Retry-After': '5' });
  }
  await recordAudit(org, {
    action: 'schedule.trigger',
    targetType: 'workflow',
    targetId: workflowId,
    data: { scheduleId: schedule.id, runId, ...(skipped ? { skipped } : {}) },
  });
  if (skipped) {
    throw new ApiError(
      409,
      'schedule_skipped',
      "The schedule's overlap policy (skip) skipped it: its last run is still going. Wait for it to end, or publish the trigger with another overlapPolicy",
    );
  }
  return { runId };
}
