import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/auth/api-keys';
import { db } from '@/lib/db/client';
import { dispatchUndispatchedEvents } from '@/lib/events-bus/dispatch-events';
import { eventRunId, fanOutWorkflowId } from '@/lib/events-bus/event-ids';
import { MAX_EVENT_DEPTH } from '@/lib/events-bus/publish-event';
import { pruneExpired } from '@/lib/retention/prune';
import { temporalClient } from '@/temporal/client';
import { api, apiFetch, ownerOrg } from '../support/api';
import { getRun, publishWorkflow, startRun, waitForRun } from '../support/engine';

interface Answer {
  status: number;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

const publish = async (topic: string, payload: unknown, headers: Record<string, string> = {}) =>
  answer(
    await apiFetch(`/api/events/${topic}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(payload),
    }),
  );

/** A topic no other test publishes on. */
const newTopic = () => `test.${randomUUID()}`;

/** Publishes a workflow started by events on `topic` that outputs the event it was started with. */
const subscriber = (topic: string, filter?: string) =>
  publishWorkflow(`subscriber ${randomUUID()}`, {
    nodes: [
      { id: 'onEvent', type: 'trigger.event', config: { topic, ...(filter ? { filter } : {}) } },
      { id: 'out', type: 'flow.output', config: { value: '{{ nodes.onEvent.output }}' } },
    ],
    edges: [{ source: 'onEvent', target: 'out' }],
  });

/** Waits for an event's fan-out to end: every run it starts is recorded by then. */
async function fannedOut(eventId: string): Promise<{ started: number }> {
  const client = await temporalClient();
  return client.workflow.getHandle(fanOutWorkflowId(eventId)).result();
}

const runsOf = (workflowIds: string[]) =>
  db().run.findMany({ where: { workflowId: { in: workflowIds } }, select: { id: true, workflowId: true } });

describe('event bus', () => {
  it('starts exactly one run of each subscribed workflow whose filter is true, with the event as input, and none of the others', async () => {
    const topic = newTopic();
    const first = await subscriber(topic);
    const second = await subscriber(topic, 'input.payload.total > 100');
    const elsewhere = await subscriber(newTopic());
    const filteredOut = await subscriber(topic, 'input.payload.total > 1000');

    const published = await publish(topic, { total: 250 });
    expect(published).toEqual({ status: 202, json: { eventId: expect.any(String), topic } });
    const { eventId } = published.json;
    expect(await fannedOut(eventId)).toEqual({ started: 2 });

    const runs = await runsOf([first, second, elsewhere, filteredOut]);
    expect(runs.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        { id: eventRunId(eventId, first), workflowId: first },
        { id: eventRunId(eventId, second), workflowId: second },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
    const expectedEvent = {
      eventId,
      topic,
      payload: { total: 250 },
      publishedAt: expect.any(String),
      source: { type: 'api', actor: { type: 'USER', id: ownerOrg().userId, label: ownerOrg().actor.label } },
    };
    for (const run of runs) {
      const ended = await waitForRun(run.id);
      expect(ended).toMatchObject({ status: 'SUCCEEDED', trigger: 'EVENT', input: expectedEvent });
      expect(ended.output).toEqual(ended.input);
    }

    const listed = await answer(await apiFetch(`/api/events?topic=${topic}`));
    expect(listed.status).toBe(200);
    expect(listed.json.events).toHaveLength(1);
    expect(listed.json.events[0]).toMatchObject({
      eventId,
      topic,
      payload: { total: 250 },
      depth: 0,
      dispatchedAt: expect.any(String),
    });
    const deliveries = Object.fromEntries(
      listed.json.events[0].deliveries.map((delivery: { workflowId: string }) => [delivery.workflowId, delivery]),
    );
    expect(deliveries).toEqual({
      [first]: {
        workflowId: first,
        status: 'started',
        runId: eventRunId(eventId, first),
        reason: null,
        at: expect.any(String),
      },
      [second]: {
        workflowId: second,
        status: 'started',
        runId: eventRunId(eventId, second),
        reason: null,
        at: expect.any(String),
      },
      [filteredOut]: {
        workflowId: filteredOut,
        status: 'skipped',
        runId: null,
        reason: 'The filter gave false, not true',
        at: expect.any(String),
      },
    });
    const audit = await db().auditEvent.findMany({
      where: { targetId: eventId },
      select: { action: true, data: true },
    });
    expect(audit).toEqual([{ action: 'event.publish', data: { topic } }]);
  });

  it('publishes one event for one Idempotency-Key, however often it is sent', async () => {
    const topic = newTopic();
    const workflowId = await subscriber(topic);
    const key = { 'idempotency-key': `order-${randomUUID()}` };
    const first = await publish(topic, { order: 1 }, key);
    expect(first).toEqual({ status: 202, json: { eventId: expect.any(String), topic } });
    expect(await fannedOut(first.json.eventId)).toEqual({ started: 1 });
    expect(await publish(topic, { order: 1 }, key)).toEqual(first);
    expect(await db().event.count({ where: { topic } })).toBe(1);
    expect(await runsOf([workflowId])).toEqual([{ id: eventRunId(first.json.eventId, workflowId), workflowId }]);
    expect(await db().auditEvent.count({ where: { targetId: first.json.eventId, action: 'event.publish' } })).toBe(1);

    const otherTopic = newTopic();
    expect(await publish(otherTopic, { order: 1 }, key)).toEqual({
      status: 409,
      json: {
        error: {
          code: 'conflict',
          message: `This Idempotency-Key already published an event on "${topic}", not "${otherTopic}": use a new key for a new event`,
        },
      },
    });
  });

  it('dispatches an event its publisher stored but never handed to Temporal, once, however often the job runs', async () => {
    const topic = newTopic();
    const workflowId = await subscriber(topic);
    const eventId = randomUUID();
    // What a web server that stopped between storing the event and starting its fan-out leaves.
    await db().event.create({
      data: {
        id: eventId,
        orgId: ownerOrg().orgId,
        topic,
        payload: { stranded: true },
        source: { type: 'api', actor: ownerOrg().actor },
        createdAt: new Date(Date.now() - 60_000),
      },
    });
    await dispatchUndispatchedEvents();
    expect(await fannedOut(eventId)).toEqual({ started: 1 });
    expect((await db().event.findUniqueOrThrow({ where: { id: eventId } })).dispatchedAt).not.toBeNull();
    const client = await temporalClient();
    const firstFanOut = (await client.workflow.getHandle(fanOutWorkflowId(eventId)).describe()).runId;

    // As if the process had stopped after starting the fan-out but before marking it.
    await db().event.update({ where: { id: eventId }, data: { dispatchedAt: null } });
    await dispatchUndispatchedEvents();
    await dispatchUndispatchedEvents();
    expect((await client.workflow.getHandle(fanOutWorkflowId(eventId)).describe()).runId).toBe(firstFanOut);
    expect((await db().event.findUniqueOrThrow({ where: { id: eventId } })).dispatchedAt).not.toBeNull();
    const runs = await runsOf([workflowId]);
    expect(runs).toEqual([{ id: eventRunId(eventId, workflowId), workflowId }]);
    expect(await waitForRun(runs[0].id)).toMatchObject({
      status: 'SUCCEEDED',
      output: { eventId, topic, payload: { stranded: true } },
    });
  });

  it('lets an emit event node of a run start the workflows subscribed to its topic', async () => {
    const topic = newTopic();
    const listener = await subscriber(topic);
    const emitter = await publishWorkflow(`emitter ${randomUUID()}`, {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'emit', type: 'event.emit', config: { topic, payload: { invoice: '{{ input.invoice }}' } } },
        { id: 'out', type: 'flow.output', config: { value: '{{ nodes.emit.output }}' } },
      ],
      edges: [
        { source: 'start', target: 'emit' },
        { source: 'emit', target: 'out' },
      ],
    });
    const emitterRun = await waitForRun(await startRun(emitter, { invoice: 42 }));
    expect(emitterRun).toMatchObject({
      status: 'SUCCEEDED',
      output: { eventId: expect.any(String), topic, subscribers: 1 },
    });
    const { eventId } = emitterRun.output;
    expect(await fannedOut(eventId)).toEqual({ started: 1 });
    const listenerRun = await waitForRun(eventRunId(eventId, listener));
    expect(listenerRun).toMatchObject({
      status: 'SUCCEEDED',
      trigger: 'EVENT',
      input: {
        eventId,
        topic,
        payload: { invoice: 42 },
        source: { type: 'run', runId: emitterRun.id, nodeId: 'emit' },
      },
    });
    const stored = await db().event.findUniqueOrThrow({ where: { id: eventId } });
    expect(stored.depth).toBe(0);
  });

  it(`stops a workflow that emits its own topic after ${MAX_EVENT_DEPTH} event-started runs`, async () => {
    const topic = newTopic();
    const looping = await publishWorkflow(`looping ${randomUUID()}`, {
      nodes: [
        { id: 'onEvent', type: 'trigger.event', config: { topic } },
        { id: 'again', type: 'event.emit', config: { topic, payload: { n: '{{ input.payload.n + 1 }}' } } },
      ],
      edges: [{ source: 'onEvent', target: 'again' }],
    });
    let eventId = (await publish(topic, { n: 0 })).json.eventId as string;
    // The API's event is depth 0; each run's emit is one deeper, up to the limit.
    for (let depth = 0; depth < MAX_EVENT_DEPTH; depth++) {
      expect(await fannedOut(eventId)).toEqual({ started: 1 });
      const run = await waitForRun(eventRunId(eventId, looping));
      expect(run.status).toBe('SUCCEEDED');
      const emitted = run.steps.find((step: { nodeId: string }) => step.nodeId === 'again').output;
      eventId = emitted.eventId;
      expect((await db().event.findUniqueOrThrow({ where: { id: eventId } })).depth).toBe(depth + 1);
    }
    expect(await fannedOut(eventId)).toEqual({ started: 1 });
    const last = await waitForRun(eventRunId(eventId, looping));
    expect(last).toMatchObject({
      status: 'FAILED',
      error: {
        type: 'EventDepthExceeded',
        nodeId: 'again',
        message: `An event on "${topic}" here would be ${MAX_EVENT_DEPTH + 1} event-started runs away from the event that began the chain, past the limit of ${MAX_EVENT_DEPTH}: a workflow started by an event probably emits a topic that starts it again`,
      },
    });
    expect(await db().event.count({ where: { topic } })).toBe(MAX_EVENT_DEPTH + 1);
  });

  it('refuses a bad topic naming it, a viewer publishing, and a filter that does not parse at publishing', async () => {
    const message =
      'topic must be 1 to 100 characters of a-z, 0-9, ".", "_" or "-", starting with a letter or digit (such as "invoice.received")';
    expect(await publish('Not.Lower', {})).toEqual({
      status: 400,
      json: { error: { code: 'invalid_request', message: `topic: ${message}`, details: [{ path: 'topic', message }] } },
    });

    const key = await createApiKey(ownerOrg(), { name: `event viewer ${randomUUID()}`, role: 'VIEWER' });
    const asViewer = (method: string, body?: string) => ({
      method,
      headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/json' },
      body,
    });
    const topic = newTopic();
    expect(await answer(await fetch(api(`/api/events/${topic}`), asViewer('POST', '{}')))).toEqual({
      status: 403,
      json: { error: { code: 'forbidden', message: 'Your role (VIEWER) may not event publish' } },
    });
    expect(await db().event.count({ where: { topic } })).toBe(0);
    expect(await answer(await fetch(api('/api/events?limit=1'), asViewer('GET')))).toMatchObject({ status: 200 });

    const workflow = await answer(
      await apiFetch('/api/workflows', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: `bad filter ${randomUUID()}` }),
      }),
    );
    const refused = await answer(
      await apiFetch(`/api/workflows/${workflow.json.id}/versions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          definition: {
            nodes: [{ id: 'on', type: 'trigger.event', config: { topic, filter: 'input.x >' } }],
            edges: [],
          },
        }),
      }),
    );
    expect(refused.status).toBe(422);
    expect(refused.json.error.details).toEqual([
      expect.objectContaining({ code: 'invalid_expression', nodeId: 'on', path: 'config.filter' }),
    ]);
  });

  it('stops delivering to a workflow once it is deleted or published without its event trigger', async () => {
    const topic = newTopic();
    const deleted = await subscriber(topic);
    const republished = await subscriber(topic);
    expect((await apiFetch(`/api/workflows/${deleted}`, { method: 'DELETE' })).status).toBe(204);
    const version = await answer(
      await apiFetch(`/api/workflows/${republished}/versions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ definition: { nodes: [{ id: 'start', type: 'trigger.manual' }], edges: [] } }),
      }),
    );
    expect(version.status).toBe(201);
    expect(await db().eventSubscription.count({ where: { workflowId: { in: [deleted, republished] } } })).toBe(0);
    const { eventId } = (await publish(topic, {})).json;
    expect(await fannedOut(eventId)).toEqual({ started: 0 });
    expect(await runsOf([deleted, republished])).toEqual([]);
    expect(await getRun(eventRunId(eventId, deleted))).toMatchObject({ error: { code: 'not_found' } });
  });

  it("prunes delivered events, and their deliveries, with the org's log lines", async () => {
    const topic = newTopic();
    const longAgo = new Date(Date.now() - 400 * 86_400_000);
    const event = (createdAt: Date) =>
      db().event.create({
        data: {
          id: randomUUID(),
          orgId: ownerOrg().orgId,
          topic,
          payload: {},
          source: { type: 'api', actor: ownerOrg().actor },
          createdAt,
          dispatchedAt: createdAt,
        },
      });
    const old = await event(longAgo);
    const recent = await event(new Date());
    await db().eventDelivery.create({
      data: { orgId: ownerOrg().orgId, eventId: old.id, workflowId: randomUUID(), status: 'skipped' },
    });
    await pruneExpired();
    expect(await db().event.findMany({ where: { topic }, select: { id: true } })).toEqual([{ id: recent.id }]);
    expect(await db().eventDelivery.count({ where: { eventId: old.id } })).toBe(0);
  });
});
