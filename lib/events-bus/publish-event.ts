import { randomUUID } from 'node:crypto';
import type { OrgContext } from '../auth/current-org';
import { ApiError } from '../api/errors';
import { recordAuditIn } from '../audit/record';
import { Prisma } from '../db/generated/client';
import { withOrgTransaction } from '../db/tenant';
import { createLogger } from '../logging/logger';
import type { EventSource } from './event-schema';
import { startEventFanOut } from './start-fan-out';
import { topicSchema } from './topic';

const log = createLogger({ component: 'events-bus' });

/**
 * How many event-started runs an event may be removed from the one published through the API:
 * a workflow emitting the topic it subscribes to (directly or round a cycle) stops here instead
 * of starting runs for ever.
 */
export const MAX_EVENT_DEPTH = 8;

export class EventDepthExceeded extends Error {
  override name = 'EventDepthExceeded';
}

/** The largest payload an event carries, as JSON: what the API takes as a request body. */
export const MAX_EVENT_PAYLOAD_BYTES = 1024 * 1024;

export class EventPayloadTooLarge extends Error {
  override name = 'EventPayloadTooLarge';
}

export interface PublishRequest {
  topic: string;
  payload: unknown;
  source: EventSource;
  /** Derived from an idempotency key (event-ids.ts), so a repeat finds the event stored first. */
  eventId?: string;
  /** 0 for an event from the API; one more than the event that started the emitting run. */
  depth?: number;
  /** Who to record the `event.publish` audit row for, written with the event (API publishes). */
  auditAs?: OrgContext;
}

export interface PublishedEvent {
  eventId: string;
  topic: string;
  publishedAt: string;
  /** Workflows subscribed to the topic when it was published, before their filters are applied. */
  subscribers: number;
  /** The event was already stored under this id: nothing new was published. */
  duplicate: boolean;
}

/**
 * Stores an event, then hands its fan-out to Temporal. Storing comes first and is what counts:
 * once this returns the event will reach every subscriber, since a fan-out that could not be
 * started here (Temporal down, the process stopped) is started by the dispatch-events job. A
 * repeat under the same id stores nothing and starts nothing new.
 */
export async function publishEvent(orgId: string, request: PublishRequest): Promise<PublishedEvent> {
  const topic = topicSchema().parse(request.topic);
  const depth = request.depth ?? 0;
  if (depth > MAX_EVENT_DEPTH) {
    throw new EventDepthExceeded(
      `An event on "${topic}" here would be ${depth} event-started runs away from the event that began the chain, past the limit of ${MAX_EVENT_DEPTH}: a workflow started by an event probably emits a topic that starts it again`,
    );
  }
  // Every subscriber's run carries it as input: an emit node is held to the API's body limit.
  const payloadBytes = Buffer.byteLength(JSON.stringify(request.payload ?? null));
  if (payloadBytes > MAX_EVENT_PAYLOAD_BYTES) {
    throw new EventPayloadTooLarge(
      `The payload of an event on "${topic}" is ${payloadBytes} bytes as JSON, more than ${MAX_EVENT_PAYLOAD_BYTES}: publish a reference (a file id, a URL) instead of the data`,
    );
  }
  const eventId = request.eventId ?? randomUUID();
  const stored = await withOrgTransaction(orgId, async (tx) => {
    // createMany with skipDuplicates is INSERT … ON CONFLICT DO NOTHING: a repeat is a no-op.
    const { count } = await tx.event.createMany({
      data: [
        {
          id: eventId,
          orgId,
          topic,
          payload: (request.payload ?? Prisma.JsonNull) as Prisma.InputJsonValue,
          source: request.source as Prisma.InputJsonObject,
          depth,
        },
      ],
      skipDuplicates: true,
    });
    const event = await tx.event.findFirstOrThrow({
      where: { id: eventId, orgId },
      select: { topic: true, createdAt: true, dispatchedAt: true },
    });
    if (event.topic !== topic) {
      throw new ApiError(
        409,
        'conflict',
        `This Idempotency-Key already published an event on "${event.topic}", not "${topic}": use a new key for a new event`,
      );
    }
    if (count === 1 && request.auditAs) {
      await recordAuditIn(tx, request.auditAs, {
        action: 'event.publish',
        targetType: 'event',
        targetId: eventId,
        data: { topic },
      });
    }
    const subscribers = await tx.eventSubscription.findMany({
      where: { orgId, topic },
      distinct: ['workflowId'],
      select: { workflowId: true },
    });
    return { ...event, duplicate: count === 0, subscribers: subscribers.length };
  });
  if (!stored.dispatchedAt) {
    await startEventFanOut(orgId, eventId).catch((error: unknown) => {
      log.warn('event fan-out not started: the dispatch-events job starts it', { orgId, eventId, error });
    });
  }
  return {
    eventId,
    topic,
    publishedAt: stored.createdAt.toISOString(),
    subscribers: stored.subscribers,
    duplicate: stored.duplicate,
  };
}
