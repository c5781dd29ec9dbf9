// The shapes a schedule's action carries into temporal/workflows/scheduled-run-workflow.ts and
// its activity. Types only: the workflow sandbox imports this file.

/** What a schedule's action starts `scheduledRunWorkflow` with (lib/schedules/temporal-schedule.ts). */
export interface ScheduledRunRequest {
  orgId: string;
  workflowId: string;
}

/** The request with the times the workflow read from Temporal, for the run's input. */
export interface RecordScheduledRunInput extends ScheduledRunRequest {
  scheduledAt: string;
  firedAt: string;
}
