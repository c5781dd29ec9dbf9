import { executeChild, ParentClosePolicy, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { RUN_WORKFLOW_TYPE } from '../../lib/runs/run-contract';
import type * as activities from '../activities';
import type { ScheduledRunRequest } from '../../lib/schedules/scheduled-run-request';

const { recordScheduledRun } = proxyActivities<typeof activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 5 },
});

/** The fire time a schedule's action stands for: Temporal sets it on every workflow a schedule starts. */
function scheduledStartTime(): Date | undefined {
  const pair = workflowInfo()
    .typedSearchAttributes.getAll()
    .find(({ key }) => key.name === 'TemporalScheduledStartTime');
  return pair?.value instanceof Date ? pair.value : undefined;
}

/**
 * What a schedule's action starts (lib/schedules/temporal-schedule.ts): records the run through
 * the start path every run takes, then runs it as its child, with the run id as the child's
 * workflow id, and lasts as long as the run. So the schedule's overlap policy sees the run
 * itself: `skip` and `bufferOne` wait for it to end, `cancelOther` cancels it (the cancellation
 * reaches the child), `terminateOther` terminates it (the parent close policy).
 */
export async function scheduledRunWorkflow(request: ScheduledRunRequest): Promise<unknown> {
  const firedAt = new Date(workflowInfo().startTime).toISOString();
  const scheduledAt = scheduledStartTime()?.toISOString() ?? firedAt;
  const run = await recordScheduledRun({ ...request, scheduledAt, firedAt });
  return executeChild(RUN_WORKFLOW_TYPE, {
    workflowId: run.runId,
    args: [run.workflowInput],
    parentClosePolicy: ParentClosePolicy.TERMINATE,
    ...(run.timeoutMs ? { workflowExecutionTimeout: run.timeoutMs } : {}),
  });
}
