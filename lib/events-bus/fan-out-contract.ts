// What crosses between the event bus and its Temporal workflow (temporal/workflows/
// event-fan-out-workflow.ts). Types only: the workflow sandbox imports this file.

export const EVENT_FAN_OUT_WORKFLOW_TYPE = 'eventFanOutWorkflow';

export interface EventFanOutInput {
  orgId: string;
  eventId: string;
}

/** A workflow whose subscription lets the event through, with the run it is to start. */
export interface EventRecipient {
  workflowId: string;
}

/** The run recorded for one recipient, ready to start as a child; null when none was recorded. */
export interface EventRunToStart {
  runId: string;
  /** The run workflow's input (RunWorkflowInput). */
  workflowInput: unknown;
  timeoutMs?: number;
}
