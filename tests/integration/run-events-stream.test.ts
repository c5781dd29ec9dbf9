import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { runEventsChannel } from '@/lib/events/run-events';
import { api, apiFetch } from '../support/api';
import { getRun, publishWorkflow, startRun, waitForRun } from '../support/engine';
import { createOtherOrg } from '../support/other-org';
import { eventReader, type ReceivedEvent } from '../support/sse';

const approvalFlow = {
  nodes: [
    { id: 'start', type: 'trigger.manual' },
    { id: 'review', type: 'human.approval', config: { message: 'Ship it?' } },
    { id: 'shipped', type: 'flow.output', config: { value: 'shipped' } },
    { id: 'held', type: 'flow.output', config: { value: 'held' } },
  ],
  edges: [
    { source: 'start', target: 'review' },
    { source: 'review', sourceHandle: 'approved', target: 'shipped' },
    { source: 'review', sourceHandle: 'rejected', target: 'held' },
  ],
};

const events = (runId: string, init: RequestInit = {}) => apiFetch(`/api/runs/${runId}/events`, init);

const post = (path: string, body: unknown = {}) =>
  apiFetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** A run of the approval flow, waiting for its decision. */
async function waitingRun(workflowId: string) {
  const runId = await startRun(workflowId);
  await waitForRun(runId, ['WAITING']);
  return runId;
}

let redis: Redis;
// Redis counts a connection's subscriptions until it has seen the connection close, a moment
// after the stream let go of it: counts that must fall to 0 are polled.
const subscribers = async (runId: string) =>
  ((await redis.pubsub('NUMSUB', runEventsChannel(runId))) as [string, number])[1];

/** Steps and the run as GET /api/runs/:id shows them, keyed as the stream's events are. */
async function recorded(runId: string) {
  const run = await getRun(runId);
  const step = (nodeId: string) => run.steps.find((s: { nodeId: string }) => s.nodeId === nodeId);
  const { id, status, error, output, createdAt, startedAt, endedAt, durationMs } = run;
  return { run: { id, status, error, output, createdAt, startedAt, endedAt, durationMs }, step, all: run };
}

describe('GET /api/runs/:id/events', () => {
  let workflowId = '';

  beforeAll(async () => {
    redis = new Redis(process.env.REDIS_URL!);
    workflowId = await publishWorkflow('live events', approvalFlow);
  });

  afterAll(() => redis.disconnect());

  it('sends a snapshot, then the steps and status the worker records, and ends with the run', async () => {
    const runId = await waitingRun(workflowId);
    const response = await events(runId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    const stream = eventReader(response);

    const snapshot = (await stream.next())!;
    const waiting = await recorded(runId);
    const { lastEventSeq } = await db().run.findUniqueOrThrow({ where: { id: runId } });
    const summary = (nodeId: string) => ({
      status: waiting.step(nodeId).status,
      attempts: 1,
      iterations: 1,
      startedAt: waiting.step(nodeId).startedAt,
      endedAt: waiting.step(nodeId).endedAt,
      error: null,
    });
    expect(snapshot).toEqual({
      event: 'snapshot',
      id: String(lastEventSeq),
      data: {
        run: { ...waiting.run, status: 'WAITING' },
        nodes: { start: summary('start'), review: { ...summary('review'), status: 'WAITING' } },
        steps: waiting.all.steps,
        logs: [],
        logsOmitted: 0,
      },
    });
    expect(waiting.all.steps.map((s: { nodeId: string; status: string }) => [s.nodeId, s.status])).toEqual([
      ['start', 'SUCCEEDED'],
      ['review', 'WAITING'],
    ]);
    expect(await subscribers(runId)).toBe(1);

    expect((await post(`/api/runs/${runId}/approvals/review`, { decision: 'approved' })).status).toBe(200);
    const live = await stream.rest();

    const done = await recorded(runId);
    expect(done.run.status).toBe('SUCCEEDED');
    const ids = live.map((event) => Number(event.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBeGreaterThan(lastEventSeq);
    // Whether the status the run took back on between approval and end (RUNNING) is seen depends
    // on whether the stream read before the end was recorded; every step is seen at its end.
    const steps = live.filter((event) => event.event === 'step');
    expect(steps.map((event) => event.data)).toEqual(['review', 'shipped', 'held'].map((nodeId) => done.step(nodeId)));
    const runEvents = live.filter((event) => event.event === 'run').map((event) => event.data);
    expect(runEvents.at(-1)).toEqual(done.run);
    expect(live.at(-1)).toEqual({ event: 'run', id: String(ids.at(-1)), data: done.run });
    expect(runEvents.slice(0, -1).map((run) => (run as { status: string }).status)).toEqual(
      runEvents.length === 2 ? ['RUNNING'] : [],
    );
    await expect.poll(() => subscribers(runId)).toBe(0);

    // Resumed after the first live event: exactly the events after it, then the end.
    const resumed = await events(runId, { headers: { 'last-event-id': live[0].id! } });
    expect(resumed.status).toBe(200);
    expect(await eventReader(resumed).rest()).toEqual(live.slice(1));
    // Resumed after the last: nothing more will come, and EventSource stops on a 204.
    const finished = await events(runId, { headers: { 'last-event-id': live.at(-1)!.id! } });
    expect(finished.status).toBe(204);
    await expect.poll(() => subscribers(runId)).toBe(0);
  });

  it('lets go of the subscription when the client leaves, and ends the others on cancel', async () => {
    const runId = await waitingRun(workflowId);
    const leaving = new AbortController();
    const first = eventReader(await events(runId, { signal: leaving.signal }));
    const staying = eventReader(await events(runId));
    expect((await first.next())!.event).toBe('snapshot');
    expect((await staying.next())!.event).toBe('snapshot');
    expect(await subscribers(runId)).toBe(2);

    leaving.abort();
    await expect.poll(() => subscribers(runId)).toBe(1);

    expect((await post(`/api/runs/${runId}/cancel`)).status).toBe(202);
    const rest: ReceivedEvent[] = await staying.rest();
    expect(rest.at(-1)).toMatchObject({ event: 'run', data: { id: runId, status: 'CANCELLED' } });
    expect(rest.at(-1)!.data).toEqual((await recorded(runId)).run);
    await expect.poll(() => subscribers(runId)).toBe(0);
  });

  it('sends an ended run as a snapshot and its final run event, then ends', async () => {
    const runId = await waitingRun(workflowId);
    await post(`/api/runs/${runId}/approvals/review`, { decision: 'rejected' });
    await waitForRun(runId);
    const { lastEventSeq } = await db().run.findUniqueOrThrow({ where: { id: runId } });
    const all = await eventReader(await events(runId)).rest();
    expect(all.map(({ event, id }) => [event, id])).toEqual([
      ['snapshot', String(lastEventSeq)],
      ['run', String(lastEventSeq)],
    ]);
    expect(all[1].data).toEqual({ ...(await recorded(runId)).run, status: 'SUCCEEDED', output: 'held' });
  });

  it('publishes that a run changed with its patch, without its step records', async () => {
    const quick = await publishWorkflow('live events, quick', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'double', type: 'data.set', config: { values: { twice: '{{ input.n * 2 }}' } } },
        { id: 'out', type: 'flow.output', config: { value: '{{ nodes.double.output.twice }}' } },
      ],
      edges: [
        { source: 'start', target: 'double' },
        { source: 'double', target: 'out' },
      ],
    });
    const subscriber = new Redis(process.env.REDIS_URL!);
    const messages: { runId: string; run?: { status?: string } }[] = [];
    let ended = () => {};
    const end = new Promise<void>((resolve) => (ended = resolve));
    subscriber.on('pmessage', (_pattern: string, _channel: string, text: string) => {
      const message = JSON.parse(text);
      messages.push(message);
      if (message.run?.status === 'SUCCEEDED') ended();
    });
    await subscriber.psubscribe('run-events:*');
    try {
      const runId = await startRun(quick, { n: 21 });
      await end;

      const mine = messages.filter((message) => message.runId === runId);
      // A run of pure nodes is reported once, at its end. Streams read the steps from the database,
      // so the message names the run and carries its patch, not the step records.
      expect(mine).toEqual([
        { runId, run: { status: 'SUCCEEDED', startedAt: expect.any(String), output: 42, endedAt: expect.any(String) } },
      ]);
    } finally {
      subscriber.disconnect();
    }
  });

  it("answers 404 for an unknown run and for another org's run", async () => {
    const runId = await waitingRun(workflowId);
    const other = await createOtherOrg('Stream outsider');
    for (const response of [await other.keyFetch(`/api/runs/${runId}/events`), await events('no-such-run')]) {
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'Run was not found' } });
    }
    await expect.poll(() => subscribers(runId)).toBe(0);
    await post(`/api/runs/${runId}/cancel`);
  });

  it('answers 401 without an identity, and 400 for an event id it never sent', async () => {
    const anonymous = await fetch(api('/api/runs/any/events'));
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('unauthenticated');
    const invalid = await events('any', { headers: { 'last-event-id': 'yesterday' } });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error).toEqual({
      code: 'invalid_request',
      message: 'Last-Event-ID: not an event id this stream sent (a whole number)',
    });
  });
});
