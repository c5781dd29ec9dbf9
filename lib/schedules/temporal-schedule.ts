import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  type ScheduleDescription,
  type ScheduleOptionsStartWorkflowAction,
  type ScheduleOverlapPolicy,
  type ScheduleUpdateOptions,
} from '@temporalio/client';
import type { OverlapPolicy } from '../connectors/nodes/schedule-trigger';
import { serverEnv } from '../config/server-env';
import type { Schedule } from '../db/generated/client';
import { temporalClient } from '../../temporal/client';
import type { ScheduledRunRequest } from './scheduled-run-request';

/** The workflow type a schedule's action starts (temporal/workflows/scheduled-run-workflow.ts). */
export const SCHEDULED_RUN_WORKFLOW_TYPE = 'scheduledRunWorkflow';

const OVERLAP: Record<OverlapPolicy, ScheduleOverlapPolicy> = {
  skip: 'SKIP',
  bufferOne: 'BUFFER_ONE',
  allowAll: 'ALLOW_ALL',
  cancelOther: 'CANCEL_OTHER',
  terminateOther: 'TERMINATE_OTHER',
};

/** The Temporal Schedule of a workflow: one per workflow, named by it. */
export const temporalScheduleId = (workflowId: string) => `workflow-schedule-${workflowId}`;

/** The Temporal Schedule a row stands for: its spec, its action and its policies. */
function scheduleFromRow(row: Schedule): ScheduleUpdateOptions<ScheduleOptionsStartWorkflowAction<never>> {
  const request: ScheduledRunRequest = { orgId: row.orgId, workflowId: row.workflowId };
  return {
    spec: { cronExpressions: [row.cron], timezone: row.timezone },
    action: {
      type: 'startWorkflow',
      workflowType: SCHEDULED_RUN_WORKFLOW_TYPE,
      // Temporal appends each fire time to it.
      workflowId: `scheduled-${row.workflowId}`,
      args: [request] as never,
      taskQueue: serverEnv().TEMPORAL_TASK_QUEUE,
    },
    policies: {
      overlap: OVERLAP[row.overlapPolicy as OverlapPolicy] ?? 'SKIP',
      catchupWindow: row.catchupWindowSeconds * 1000,
    },
    state: { paused: !row.enabled, note: row.enabled ? undefined : 'Paused from FlowOrchestrator' },
  };
}

/**
 * Makes Temporal's Schedule match the row: created when missing, updated (spec, time zone,
 * policies, paused or not) when there, deleted when the row is marked removed.
 */
export async function pushSchedule(row: Schedule): Promise<void> {
  const client = await temporalClient();
  const scheduleId = row.temporalId ?? temporalScheduleId(row.workflowId);
  const handle = client.schedule.getHandle(scheduleId);
  if (row.removed) {
    await handle.delete().catch((error: unknown) => {
      if (!(error instanceof ScheduleNotFoundError)) throw error;
    });
    return;
  }
  const wanted = scheduleFromRow(row);
  try {
    await handle.update(() => wanted);
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) throw error;
    try {
      await client.schedule.create({ scheduleId, ...wanted });
    } catch (createError) {
      // Another sync (a publish and the reconcile job at once) created it first: make it this row's.
      if (!(createError instanceof ScheduleAlreadyRunning)) throw createError;
      await handle.update(() => wanted);
    }
  }
}

/** Temporal's view of a workflow's schedule, or null when it has none. */
export async function describeSchedule(temporalId: string): Promise<ScheduleDescription | null> {
  const client = await temporalClient();
  try {
    return await client.schedule.getHandle(temporalId).describe();
  } catch (error) {
    if (error instanceof ScheduleNotFoundError) return null;
    throw error;
  }
}

/**
 * Takes the schedule's action now, even while paused, checked against the schedule's own overlap
 * policy (Temporal does not count the run it starts as running at later fire times).
 */
export async function triggerScheduleNow(temporalId: string): Promise<void> {
  const client = await temporalClient();
  await client.schedule.getHandle(temporalId).trigger();
}
