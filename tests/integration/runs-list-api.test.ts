import { beforeAll, describe, expect, it } from 'vitest';
import { apiFetch } from '../support/api';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import { eventReader } from '../support/sse';

const succeeding = {
  nodes: [
    { id: 'start', type: 'trigger.manual' },
    { id: 'out', type: 'flow.output', config: { value: 'ok' } },
  ],
  edges: [{ source: 'start', target: 'out' }],
};

const failing = {
  nodes: [
    { id: 'start', type: 'trigger.manual' },
    { id: 'stop', type: 'flow.stopAndError', config: { message: 'stopped on purpose' } },
  ],
  edges: [{ source: 'start', target: 'stop' }],
};

interface ListedRun {
  id: string;
  status: string;
  trigger: string;
  workflow: { id: string; name: string };
  startedBy: { type: string; label: string } | null;
  durationMs: number | null;
}

async function list(query: Record<string, string>): Promise<{ items: ListedRun[]; nextCursor: string | null }> {
  const response = await apiFetch(`/api/runs?${new URLSearchParams(query)}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

const ids = (page: { items: ListedRun[] }) => page.items.map((run) => run.id);

describe('GET /api/runs filters and pages', () => {
  let alpha: string;
  let beta: string;
  // Newest first, as the list answers.
  let alphaRuns: string[];
  let betaRun: string;
  let rerunId: string;
  let betweenRuns: string;

  beforeAll(async () => {
    alpha = await publishWorkflow('List alpha', succeeding);
    beta = await publishWorkflow('List beta', failing);
    const first = await startRun(alpha);
    await waitForRun(first);
    const second = await startRun(alpha);
    await waitForRun(second);
    betweenRuns = (await (await apiFetch(`/api/runs/${second}`)).json()).createdAt;
    betaRun = await startRun(beta);
    expect((await waitForRun(betaRun)).status).toBe('FAILED');
    const rerun = await apiFetch(`/api/runs/${first}/rerun`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: 'start' }),
    });
    rerunId = (await rerun.json()).runId;
    await waitForRun(rerunId);
    alphaRuns = [rerunId, second, first];
  });

  it('filters by workflow, status and trigger, newest first, with who started each and how long it took', async () => {
    const all = await list({ workflowId: alpha });
    expect(ids(all)).toEqual(alphaRuns);
    expect(all.items.map((run) => [run.status, run.trigger])).toEqual([
      ['SUCCEEDED', 'RERUN'],
      ['SUCCEEDED', 'API'],
      ['SUCCEEDED', 'API'],
    ]);
    for (const run of all.items) {
      expect(run.startedBy).toEqual({ type: 'USER', label: 'Test Owner' });
      expect(run.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(ids(await list({ workflowId: alpha, trigger: 'rerun' }))).toEqual([rerunId]);
    expect(ids(await list({ workflowId: alpha, trigger: 'API,manual' }))).toEqual(alphaRuns.slice(1));
    expect(ids(await list({ workflowId: beta, status: 'failed' }))).toEqual([betaRun]);
    expect(ids(await list({ workflowId: alpha, status: 'failed,cancelled' }))).toEqual([]);
  });

  it('searches by the start of a run id, in any case', async () => {
    expect(ids(await list({ q: betaRun.slice(0, 13).toUpperCase() }))).toEqual([betaRun]);
    expect(ids(await list({ q: betaRun }))).toEqual([betaRun]);
  });

  it('bounds the time range with from (inclusive) and to (exclusive)', async () => {
    expect(ids(await list({ workflowId: alpha, from: betweenRuns }))).toEqual(alphaRuns.slice(0, 2));
    expect(ids(await list({ workflowId: alpha, to: betweenRuns }))).toEqual(alphaRuns.slice(2));
  });

  it('pages with a cursor: every run once, in order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list({ workflowId: alpha, limit: '2', ...(cursor ? { cursor } : {}) });
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(alphaRuns);
  });

  it('answers 400 naming the field for a bad filter', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ status: 'finished' }, 'status'],
      [{ trigger: 'cron' }, 'trigger'],
      [{ workflowId: 'alpha' }, 'workflowId'],
      [{ from: 'yesterday' }, 'from'],
      [{ limit: '0' }, 'limit'],
      [{ cursor: 'not-one' }, 'cursor'],
    ];
    for (const [query, field] of cases) {
      const response = await apiFetch(`/api/runs?${new URLSearchParams(query)}`);
      expect(response.status, field).toBe(400);
      const { error } = await response.json();
      expect(error.code).toBe('invalid_request');
      if (field === 'status') {
        expect(error.message).toBe(
          'status: "finished" is not one of queued, running, waiting, succeeded, failed, cancelled',
        );
      }
      if (field === 'cursor') expect(error.message).toMatch(/^cursor:/);
      else expect(error.details.map((issue: { path: string }) => issue.path)).toContain(field);
    }
  });
});

describe('GET /api/runs/events', () => {
  it('streams the status changes of the org’s runs', async () => {
    const workflowId = await publishWorkflow('Streamed', failing);
    const response = await apiFetch('/api/runs/events');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = eventReader(response);
    try {
      const runId = await startRun(workflowId);
      const seen: unknown[] = [];
      for (let event = await reader.next(); event; event = await reader.next()) {
        const data = event.data as { runId: string; status: string };
        if (data.runId !== runId) continue;
        seen.push({ event: event.event, data });
        if (data.status === 'FAILED') break;
      }
      // Its interpreter records the start and the failure in one report.
      expect(seen).toEqual([{ event: 'run', data: { runId, status: 'FAILED' } }]);
    } finally {
      await reader.cancel();
    }
  });
});
