import type { OrgContext } from '../../lib/auth/current-org';
import { ApiError } from '../../lib/api/errors';
import { orgDb } from '../../lib/db/tenant';
import { evaluateEventFilter, type FilterVerdict } from '../../lib/events-bus/event-filter';
import { eventRunId } from '../../lib/events-bus/event-ids';
import { eventSourceSchema, type BusEvent } from '../../lib/events-bus/event-schema';
import type { EventFanOutInput, EventRecipient, EventRunToStart } from '../../lib/events-bus/fan-out-contract';
import { recordRunOnce } from '../../lib/runs/record-run-once';

// The platform acts for the event: that is who the run and its audit row name.
const eventActor = (orgId: string, eventId: string): OrgContext => ({
  orgId,
  orgName: '',
  userId: '',
  role: 'EDITOR',
  actor: { type: 'SYSTEM', id: eventId, label: 'event' },
});

/** The event as its runs receive it; null once it is gone (its org was deleted). */
async function loadEvent(orgId: string, eventId: string): Promise<BusEvent | null> {
  const row = await orgDb(orgId).event.findFirst({ where: { id: eventId, orgId } });
  if (!row) return null;
  return {
    eventId: row.id,
    topic: row.topic,
    payload: row.payload,
    publishedAt: row.createdAt.toISOString(),
    source: eventSourceSchema.parse(row.source),
  };
}

type Delivery = { workflowId: string; status: 'started' | 'skipped' | 'failed'; runId?: string; reason?: string };

/** Writes what the fan-out did for each workflow, once: a retry finds the row already there. */
async function recordDeliveries(orgId: string, eventId: string, deliveries: Delivery[]): Promise<void> {
  if (deliveries.length === 0) return;
  await orgDb(orgId).eventDelivery.createMany({
    data: deliveries.map((delivery) => ({ orgId, eventId, ...delivery })),
    skipDuplicates: true,
  });
}

/**
 * The workflows an event is to start, in a stable order: those with a subscription to its topic
 * whose filter is true. A workflow with several event triggers on the topic starts once if any
 * lets the event through. The others are recorded as skipped (the filter was not true) or
 * failed (it failed, or ran past the expression bounds), with the reason. Also marks the event
 * dispatched: Temporal has it now, whether or not its publisher lived to say so.
 */
export async function listEventSubscribers({ orgId, eventId }: EventFanOutInput): Promise<EventRecipient[]> {
  const db = orgDb(orgId);
  const event = await loadEvent(orgId, eventId);
  if (!event) return [];
  await db.event.updateMany({ where: { id: eventId, orgId, dispatchedAt: null }, data: { dispatchedAt: new Date() } });
  const subscriptions = await db.eventSubscription.findMany({
    where: { orgId, topic: event.topic, workflow: { deletedAt: null } },
    select: { workflowId: true, nodeId: true, filter: true },
    orderBy: [{ workflowId: 'asc' }, { nodeId: 'asc' }],
  });
  const verdicts = new Map<string, FilterVerdict>();
  for (const subscription of subscriptions) {
    if (verdicts.get(subscription.workflowId)?.deliver) continue;
    const verdict = evaluateEventFilter(subscription.filter, event, subscription);
    const earlier = verdicts.get(subscription.workflowId);
    // A failure says more than a skip, so it is the reason kept when nothing delivers.
    if (!earlier || verdict.deliver || (verdict.status === 'failed' && earlier.deliver === false)) {
      verdicts.set(subscription.workflowId, verdict);
    }
  }
  const recipients: EventRecipient[] = [];
  const refused: Delivery[] = [];
  for (const [workflowId, verdict] of verdicts) {
    if (verdict.deliver) recipients.push({ workflowId });
    else refused.push({ workflowId, status: verdict.status, reason: verdict.reason });
  }
  await recordDeliveries(orgId, eventId, refused);
  return recipients;
}

/**
 * Records the run an event starts of one workflow, through the start path every run takes
 * (`recordRun`: the latest published version, the concurrency limit, the run and its audit
 * row), with the event as its input and trigger EVENT. The run id comes from the event and the
 * workflow, so a retry finds the run it recorded. A workflow that cannot take the run (deleted,
 * unpublished, at its concurrency limit) gets none: null, and the delivery says why.
 */
export async function recordEventRun(
  request: EventFanOutInput & { workflowId: string },
): Promise<EventRunToStart | null> {
  const { orgId, eventId, workflowId } = request;
  const event = await loadEvent(orgId, eventId);
  if (!event) return null;
  const runId = eventRunId(eventId, workflowId);
  try {
    const run = await recordRunOnce(
      eventActor(orgId, eventId),
      workflowId,
      { input: event },
      { trigger: 'EVENT', runId },
    );
    await recordDeliveries(orgId, eventId, [{ workflowId, status: 'started', runId }]);
    return { runId, workflowInput: run.workflowInput, timeoutMs: run.timeoutMs };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    await recordDeliveries(orgId, eventId, [{ workflowId, status: 'failed', reason: error.message }]);
    return null;
  }
}
