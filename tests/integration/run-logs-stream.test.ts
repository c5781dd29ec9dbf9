import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { apiFetch } from '../support/api';
import { getRun, publishWorkflow, startRun, waitForRun } from '../support/engine';
import { eventReader, type ReceivedEvent } from '../support/sse';

// The code node runs after the stream has opened, so its lines arrive as live events.
const gatedCode = {
  nodes: [
    { id: 'start', type: 'trigger.manual' },
    { id: 'gate', type: 'human.approval', config: { message: 'Go?' } },
    {
      id: 'tally',
      type: 'code.javascript',
      config: {
        code: "console.log('counting', input.length); console.warn('odd', 3); console.error('done'); return input.length;",
        input: '{{ input.items }}',
      },
    },
    { id: 'out', type: 'flow.output', config: { value: '{{ nodes.tally.output }}' } },
  ],
  edges: [
    { source: 'start', target: 'gate' },
    { source: 'gate', sourceHandle: 'approved', target: 'tally' },
    { source: 'tally', target: 'out' },
  ],
};

const events = (runId: string, lastEventId?: string) =>
  apiFetch(`/api/runs/${runId}/events`, lastEventId ? { headers: { 'last-event-id': lastEventId } } : {});

const post = (path: string, body: unknown = {}) =>
  apiFetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** What a client knows after `received`: each step's latest state, the lines, the run's last state. */
function fold(received: ReceivedEvent[]) {
  const steps = new Map<string, unknown>();
  const lines: unknown[] = [];
  let run: unknown;
  for (const { event, data } of received) {
    const step = data as { nodeId: string; iteration: number; attempt: number };
    if (event === 'step') steps.set(`${step.nodeId}/${step.iteration}/${step.attempt}`, data);
    else if (event === 'log') lines.push(data);
    else if (event === 'run') run = data;
  }
  return { steps: Object.fromEntries(steps), lines, run };
}

/** The run's log lines as stored, in the stream's shape. */
async function storedLines(runId: string) {
  const rows = await db().runLog.findMany({ where: { runId }, orderBy: { eventSeq: 'asc' } });
  return rows.map((row) => ({
    seq: row.eventSeq,
    nodeId: row.nodeId,
    attempt: row.attempt,
    level: row.level,
    message: row.message,
    data: row.data,
    ts: row.ts.toISOString(),
  }));
}

describe('log lines in GET /api/runs/:id/events', () => {
  it('sends each line once, numbered among the steps, before its step ends; a resume from any event misses none', async () => {
    const workflowId = await publishWorkflow('live log', gatedCode);
    const runId = await startRun(workflowId, { items: ['a', 'b'] });
    await waitForRun(runId, ['WAITING']);
    const stream = eventReader(await events(runId));
    const snapshot = (await stream.next())!;
    expect(snapshot.data).toMatchObject({ logs: [], logsOmitted: 0 });

    expect((await post(`/api/runs/${runId}/approvals/gate`, { decision: 'approved' })).status).toBe(200);
    const live = await stream.rest();
    expect((await getRun(runId)).status).toBe('SUCCEEDED');

    const lines = await storedLines(runId);
    expect(lines.map(({ level, message, data, nodeId, attempt }) => [level, message, data, nodeId, attempt])).toEqual([
      ['INFO', 'counting 2', null, 'tally', 1],
      ['WARN', 'odd 3', null, 'tally', 1],
      ['ERROR', 'done', null, 'tally', 1],
    ]);
    const logEvents = live.filter((event) => event.event === 'log');
    expect(logEvents).toEqual(lines.map((line) => ({ event: 'log', id: String(line.seq), data: line })));
    // Ids are the run's change numbers: rising, never repeated, lines before the step they belong to.
    const ids = live.map((event) => Number(event.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    const tallyEnd = live.findIndex(
      (event) =>
        event.event === 'step' &&
        (event.data as { nodeId: string; status: string }).nodeId === 'tally' &&
        (event.data as { status: string }).status === 'SUCCEEDED',
    );
    expect(live.indexOf(logEvents.at(-1)!)).toBeLessThan(tallyEnd);

    // Reconnecting after any event loses nothing and repeats nothing: every line after it once,
    // each step at its latest state (a step written twice since is sent once), then the end.
    const cut = (index: number) => live.slice(index + 1);
    for (const [index, event] of live.slice(0, -1).entries()) {
      const resumed: ReceivedEvent[] = await eventReader(await events(runId, event.id)).rest();
      const resumedIds = resumed.map((e) => Number(e.id));
      expect(resumedIds).toEqual([...new Set(resumedIds)].sort((a, b) => a - b));
      expect(resumedIds[0]).toBeGreaterThan(Number(event.id));
      expect(resumed.filter((e) => e.event === 'log')).toEqual(cut(index).filter((e) => e.event === 'log'));
      expect(fold([...live.slice(0, index + 1), ...resumed])).toEqual(fold(live));
      expect(resumed.at(-1)).toEqual(live.at(-1));
    }

    // A fresh stream of the ended run carries the lines in its snapshot.
    const fresh = (await eventReader(await events(runId)).next())!;
    expect(fresh.data).toMatchObject({ logs: lines, logsOmitted: 0 });
  });
});

describe('run views of the API', () => {
  const failing = {
    nodes: [
      { id: 'start', type: 'trigger.manual' },
      {
        id: 'boom',
        type: 'code.javascript',
        config: { code: "throw new RangeError('out of range')" },
        settings: { retry: { maxAttempts: 1 } },
      },
    ],
    edges: [{ source: 'start', target: 'boom' }],
  };

  it('GET /api/runs/:id names who started the run', async () => {
    const runId = await startRun(await publishWorkflow('started by', failing));
    expect((await getRun(runId)).startedBy).toEqual({ type: 'USER', label: 'Test Owner' });
  });

  it('GET /api/runs shows a failed run’s failing node and error', async () => {
    const workflowId = await publishWorkflow('failing in the list', failing);
    const runId = await startRun(workflowId);
    const run = await waitForRun(runId);
    expect(run.status).toBe('FAILED');
    expect(run.error).toMatchObject({ nodeId: 'boom', type: 'RangeError', message: 'out of range' });
    const list = await (await apiFetch(`/api/runs?workflowId=${workflowId}`)).json();
    expect(list.items.map((item: { id: string; error: unknown }) => [item.id, item.error])).toEqual([
      [runId, run.error],
    ]);
  });
});
