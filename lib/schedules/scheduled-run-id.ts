import { uuidFromName } from '../db/derived-uuid';

/**
 * The run id of the run a schedule's action starts, derived from the action's Temporal workflow
 * id: a retried recording finds the run it already recorded instead of making a second, and the
 * API names the run of each action Temporal lists (`recentActions`) without asking the database.
 */
export function scheduledRunId(actionWorkflowId: string): string {
  return uuidFromName(`scheduled-run:${actionWorkflowId}`);
}
