import type { OrgContext } from '../auth/current-org';
import { ApiError, notFound } from '../api/errors';
import { readRunChanges, readRunSnapshot } from './run-changes';
import { subscribeToRunChanges } from './run-change-feed';
import { runEventBody } from './run-event-body';
import { changesBatch, snapshotBatch } from './run-stream-events';
import { SSE_HEADERS } from './sse';

/** The change number a reconnecting EventSource sends back: the id of the last event it saw. */
function parseLastEventId(value: string | null): number | null {
  if (!value) return null;
  if (!/^\d{1,9}$/.test(value)) {
    throw new ApiError(400, 'invalid_request', 'Last-Event-ID: not an event id this stream sent (a whole number)');
  }
  return Number(value);
}

/** A fresh stream's snapshot, or after a reconnect what changed since `afterSeq`; null for no such run. */
async function readFirstBatch(orgId: string, runId: string, afterSeq: number | null) {
  if (afterSeq === null) {
    const snapshot = await readRunSnapshot(orgId, runId);
    return snapshot && snapshotBatch(snapshot);
  }
  const changes = await readRunChanges(orgId, runId, afterSeq);
  return changes && changesBatch(changes, afterSeq);
}

/**
 * One run's live progress as Server-Sent Events: a `snapshot` of the run, or after a reconnect
 * (`Last-Event-ID`) what changed since that event, then `step` and `run` events as the worker
 * records them; each event's id is the run's change number (temporal/activities/record-progress.ts).
 * A client that has seen everything of an ended run is told to stop reconnecting (204).
 */
export async function openRunEventStream(org: OrgContext, runId: string, req: Request): Promise<Response> {
  const afterSeq = parseLastEventId(req.headers.get('last-event-id'));
  const readAfter = async (seq: number) => {
    const changes = await readRunChanges(org.orgId, runId, seq);
    return changes && changesBatch(changes, seq);
  };
  // Subscribed before the first read, so that a change committed after the read is announced.
  const feed = await subscribeToRunChanges(runId);
  try {
    const first = await readFirstBatch(org.orgId, runId, afterSeq);
    if (!first) throw notFound('Run');
    if (afterSeq !== null && first.finished && first.lastSeq <= afterSeq) {
      feed.close();
      return new Response(null, { status: 204 });
    }
    return new Response(runEventBody(first, { feed, readAfter }, req.signal), { headers: SSE_HEADERS });
  } catch (error) {
    feed.close();
    throw error;
  }
}
