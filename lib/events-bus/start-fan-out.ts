import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { serverEnv } from '../config/server-env';
import { orgDb } from '../db/tenant';
import { temporalClient } from '../../temporal/client';
import { fanOutWorkflowId } from './event-ids';
import { EVENT_FAN_OUT_WORKFLOW_TYPE, type EventFanOutInput } from './fan-out-contract';

/**
 * Hands an event to Temporal: starts its fan-out workflow, then marks the event dispatched. The
 * workflow id is the event's, and an id once used is never started again (REJECT_DUPLICATE,
 * even after the first fan-out ended), so whoever starts it twice (the publisher and the
 * dispatch-events job after a crash in between) starts one fan-out. Throws when Temporal cannot
 * be reached: the event stays undispatched for the job.
 */
export async function startEventFanOut(orgId: string, eventId: string): Promise<void> {
  const client = await temporalClient();
  const input: EventFanOutInput = { orgId, eventId };
  try {
    await client.workflow.start(EVENT_FAN_OUT_WORKFLOW_TYPE, {
      taskQueue: serverEnv().TEMPORAL_TASK_QUEUE,
      workflowId: fanOutWorkflowId(eventId),
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  await orgDb(orgId).event.updateMany({
    where: { id: eventId, orgId, dispatchedAt: null },
    data: { dispatchedAt: new Date() },
  });
}
