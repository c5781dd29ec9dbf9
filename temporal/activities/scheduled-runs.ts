import { ApplicationFailure, Context } from '@temporalio/activity';
import type { OrgContext } from '../../lib/auth/current-org';
import { ApiError } from '../../lib/api/errors';
import type { ScheduledRunInput } from '../../lib/connectors/nodes/schedule-trigger';
import { orgDb } from '../../lib/db/tenant';
import { recordRunOnce } from '../../lib/runs/record-run-once';
import type { RecordedRun } from '../../lib/runs/start-run';
import { scheduledRunId } from '../../lib/schedules/scheduled-run-id';
import type { RecordScheduledRunInput } from '../../lib/schedules/scheduled-run-request';

// The platform acts for the schedule: that is who the run and its audit row name.
const scheduleActor = (orgId: string, scheduleId: string): OrgContext => ({
  orgId,
  orgName: '',
  userId: '',
  role: 'EDITOR',
  actor: { type: 'SYSTEM', id: scheduleId, label: 'schedule' },
});

/**
 * Records the run a schedule's action starts, through the start path every run takes
 * (`recordRun`: the latest published version, the concurrency limit, the run and its audit
 * row), with the schedule's static input. The workflow then starts it as its child. The run id
 * comes from the action's workflow id, so a retry finds the run it recorded. A schedule whose
 * trigger is gone, a deleted or unpublished workflow, or a full concurrency limit fails the
 * action without retrying: Temporal lists it among the schedule's recent actions.
 */
export async function recordScheduledRun(request: RecordScheduledRunInput): Promise<RecordedRun> {
  const { orgId, workflowId } = request;
  const actionWorkflowId = Context.current().info.workflowExecution?.workflowId ?? '';
  const runId = scheduledRunId(actionWorkflowId);
  const db = orgDb(orgId);
  const schedule = await db.schedule.findFirst({
    where: { orgId, workflowId, removed: false },
    select: { id: true, input: true },
  });
  if (!schedule) {
    throw ApplicationFailure.create({
      type: 'ScheduleRemoved',
      nonRetryable: true,
      message: `Workflow ${workflowId} no longer has a schedule trigger in its latest published version`,
    });
  }
  const input: ScheduledRunInput = {
    scheduledAt: request.scheduledAt,
    firedAt: request.firedAt,
    scheduleId: schedule.id,
    data: schedule.input ?? null,
  };
  let recorded: RecordedRun;
  try {
    recorded = await recordRunOnce(
      scheduleActor(orgId, schedule.id),
      workflowId,
      { input },
      { trigger: 'SCHEDULE', runId },
    );
  } catch (error) {
    if (error instanceof ApiError) {
      throw ApplicationFailure.create({ type: error.code, nonRetryable: true, message: error.message });
    }
    throw error;
  }
  await db.schedule.updateMany({ where: { id: schedule.id, orgId }, data: { lastRunAt: new Date() } });
  return recorded;
}
