import type { OrgContext } from '../auth/current-org';
import { orgDb } from '../db/tenant';
import { apiEventId } from './event-ids';
import { publishEvent } from './publish-event';
import type { ListEventsQuery } from './schemas';

/**
 * Publishes an event for an API caller, audited as `event.publish` with the event. With an
 * Idempotency-Key the event id is derived from it, so a client resending after a lost answer
 * gets the same event back and starts no run a second time.
 */
export async function publishApiEvent(
  org: OrgContext,
  topic: string,
  payload: unknown,
  idempotencyKey?: string,
): Promise<{ eventId: string; topic: string }> {
  const event = await publishEvent(org.orgId, {
    topic,
    payload,
    source: { type: 'api', actor: org.actor },
    eventId: idempotencyKey === undefined ? undefined : apiEventId(org.orgId, idempotencyKey),
    depth: 0,
    auditAs: org,
  });
  return { eventId: event.eventId, topic: event.topic };
}

/** The org's latest events, newest first, each with what its fan-out did for each subscriber. */
export async function listEvents(org: OrgContext, query: ListEventsQuery) {
  const rows = await orgDb(org.orgId).event.findMany({
    where: { orgId: org.orgId, ...(query.topic ? { topic: query.topic } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit,
    include: { deliveries: { orderBy: [{ createdAt: 'asc' }, { workflowId: 'asc' }] } },
  });
  return {
    events: rows.map((row) => ({
      eventId: row.id,
      topic: row.topic,
      payload: row.payload,
      source: row.source,
      depth: row.depth,
      publishedAt: row.createdAt.toISOString(),
      dispatchedAt: row.dispatchedAt?.toISOString() ?? null,
      deliveries: row.deliveries.map((delivery) => ({
        workflowId: delivery.workflowId,
        status: delivery.status,
        runId: delivery.runId,
        reason: delivery.reason,
        at: delivery.createdAt.toISOString(),
      })),
    })),
  };
}
