import { db } from '../db/client';
import { orgDb } from '../db/tenant';
import { createLogger } from '../logging/logger';
import { startEventFanOut } from './start-fan-out';

const log = createLogger({ component: 'events-bus' });

/**
 * How long an event may wait for its publisher to start its fan-out before the job does: longer
 * than a publish takes, so the job does not race publishers that are alive.
 */
export const UNDISPATCHED_AFTER_MS = 30_000;

// Events handed over per org per turn: a backlog drains over a few turns, without one turn
// holding the job for long.
const BATCH = 500;

/**
 * Starts the fan-out of every event stored but not handed to Temporal (its publisher stopped
 * in between, or Temporal was down): the dispatch-events job. Starting is idempotent by the
 * event's workflow id, so an event the publisher did hand over after all starts nothing twice.
 */
export async function dispatchUndispatchedEvents(
  olderThanMs = UNDISPATCHED_AFTER_MS,
): Promise<{ dispatched: number; failed: number }> {
  const olderThan = `${Math.max(0, Math.floor(olderThanMs))} milliseconds`;
  const orgs = await db().$queryRaw<{ id: string }[]>`
    SELECT org_id AS id FROM orgs_with_undispatched_events(${olderThan}::interval)`;
  const result = { dispatched: 0, failed: 0 };
  const before = new Date(Date.now() - olderThanMs);
  for (const org of orgs) {
    const events = await orgDb(org.id).event.findMany({
      where: { orgId: org.id, dispatchedAt: null, createdAt: { lte: before } },
      select: { id: true },
      orderBy: { createdAt: 'asc' },
      take: BATCH,
    });
    for (const { id } of events) {
      try {
        await startEventFanOut(org.id, id);
        result.dispatched++;
      } catch (error) {
        result.failed++;
        log.warn('event fan-out still not started', { orgId: org.id, eventId: id, error });
      }
    }
  }
  return result;
}
