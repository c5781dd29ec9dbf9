import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, proxyActivities, startChild } from '@temporalio/workflow';
import { RUN_WORKFLOW_TYPE } from '../../lib/runs/run-contract';
import type { EventFanOutInput } from '../../lib/events-bus/fan-out-contract';
import type * as activities from '../activities';

const { listEventSubscribers, recordEventRun } = proxyActivities<typeof activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 10 },
});

/**
 * Delivers one event (lib/events-bus): finds the workflows whose subscription lets it through,
 * records a run of each through the start path every run takes, and starts each as a child it
 * leaves running on its own. Started once per event (its workflow id is the event's), and every
 * step is idempotent: a retried recording finds the run it recorded (the run id is derived from
 * the event and the workflow), and a child already started is not started again.
 */
export async function eventFanOutWorkflow(input: EventFanOutInput): Promise<{ started: number }> {
  const recipients = await listEventSubscribers(input);
  const started = await Promise.all(
    recipients.map(async ({ workflowId }) => {
      const run = await recordEventRun({ ...input, workflowId });
      if (!run) return false;
      try {
        await startChild(RUN_WORKFLOW_TYPE, {
          workflowId: run.runId,
          args: [run.workflowInput],
          parentClosePolicy: ParentClosePolicy.ABANDON,
          // A run id already used is a run already started, even when it has ended since.
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          ...(run.timeoutMs ? { workflowExecutionTimeout: run.timeoutMs } : {}),
        });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
      return true;
    }),
  );
  return { started: started.filter(Boolean).length };
}
