import { uuidFromName } from '../db/derived-uuid';

// Every id the event bus makes is derived, never drawn: whoever repeats a publish (a client
// resending with its Idempotency-Key, a retried emit activity, a second fan-out) arrives at the
// row or run the first one made, and the database's unique keys turn the repeat into a no-op.

/** The event a client's Idempotency-Key names, within its org. */
export const apiEventId = (orgId: string, idempotencyKey: string) =>
  uuidFromName(`event:api:${orgId}:${idempotencyKey}`);

/** The event an event.emit step publishes: its node's idempotency key is the same on every attempt. */
export const emittedEventId = (orgId: string, stepKey: string) => uuidFromName(`event:run:${orgId}:${stepKey}`);

/** The run an event starts of one subscribed workflow. */
export const eventRunId = (eventId: string, workflowId: string) => uuidFromName(`event-run:${eventId}:${workflowId}`);

/** The Temporal workflow that fans an event out: one per event, so starting it twice starts one. */
export const fanOutWorkflowId = (eventId: string) => `event-${eventId}`;
