import { z } from 'zod';
import { topicSchema } from './topic';

// The event as a subscribed run receives it (its input and its event trigger's output). Pure:
// the trigger node that outputs it runs inside the workflow sandbox.

export const eventSourceSchema = z.discriminatedUnion('type', [
  /** Published through POST /api/events/:topic, by a member or an API key. */
  z.object({ type: z.literal('api'), actor: z.object({ type: z.string(), id: z.string(), label: z.string() }) }),
  /** Emitted by an event.emit node of a run. */
  z.object({ type: z.literal('run'), runId: z.string(), nodeId: z.string() }),
]);

export type EventSource = z.output<typeof eventSourceSchema>;

export const busEventSchema = z.object({
  eventId: z.string(),
  topic: topicSchema(),
  payload: z.unknown(),
  /** ISO time the event was stored. */
  publishedAt: z.string(),
  source: eventSourceSchema,
});

export type BusEvent = z.output<typeof busEventSchema>;
