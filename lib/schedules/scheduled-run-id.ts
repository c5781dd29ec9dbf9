import { createHash } from 'node:crypto';

/**
 * The run id of the run a schedule's action starts, derived from the action's Temporal workflow
 * id: a retried recording finds the run it already recorded instead of making a second, and the
 * API names the run of each action Temporal lists (`recentActions`) without asking the database.
 * Formatted as an RFC 9562 version 8 UUID.
 */
export function scheduledRunId(actionWorkflowId: string): string {
  const hex = createHash('sha256').update(`scheduled-run:${actionWorkflowId}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
