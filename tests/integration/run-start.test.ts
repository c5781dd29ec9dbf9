import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { apiFetch } from '../support/api';
import { publishWorkflow } from '../support/engine';
import { createOtherOrg } from '../support/other-org';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const quickFlow = {
  nodes: [
    { id: 'start', type: 'trigger.manual' },
    { id: 'out', type: 'flow.output', config: { value: { doubled: '{{ input.x * 2 }}' } } },
  ],
  edges: [{ source: 'start', target: 'out' }],
};

async function start(workflowId: string, query: string, body: unknown = {}) {
  const response = await apiFetch(`/api/workflows/${workflowId}/runs${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** The audit rows recording the start of each run, by run id. */
async function startAudits(runIds: string[]) {
  return db().auditEvent.findMany({ where: { action: 'run.start', targetId: { in: runIds } } });
}

describe('POST /api/workflows/:id/runs?wait=', () => {
  it('answers 200 with the output of a run that ends in time', async () => {
    const workflowId = await publishWorkflow('wait quick', quickFlow);

    const { status, body } = await start(workflowId, '?wait=30s', { input: { x: 21 } });

    expect(status).toBe(200);
    expect(body).toEqual({
      runId: expect.stringMatching(UUID),
      version: 1,
      status: 'SUCCEEDED',
      output: { doubled: 42 },
    });
  });

  it("answers 200 with the run's error when it fails in time", async () => {
    const workflowId = await publishWorkflow('wait failing', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'boom', type: 'flow.stopAndError', config: { message: 'no stock left', code: 'OutOfStock' } },
      ],
      edges: [{ source: 'start', target: 'boom' }],
    });

    const { status, body } = await start(workflowId, '?wait=30s');

    expect(status).toBe(200);
    expect(body).toMatchObject({ version: 1, status: 'FAILED', error: { nodeId: 'boom', type: 'OutOfStock' } });
    expect(body.error.message).toContain('no stock left');
    expect(body).not.toHaveProperty('output');
  });

  it('answers 202 with the run id when the run is still going at the deadline', async () => {
    const workflowId = await publishWorkflow('wait approval', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'review', type: 'human.approval', config: { message: 'Ship it?' } },
      ],
      edges: [{ source: 'start', target: 'review' }],
    });

    const { status, body } = await start(workflowId, '?wait=1s');

    expect(status).toBe(202);
    expect(body).toEqual({ runId: expect.stringMatching(UUID), version: 1 });
    const cancelled = await apiFetch(`/api/runs/${body.runId}/cancel`, { method: 'POST' });
    expect(cancelled.status).toBeLessThan(300);
  });

  it('refuses a wait that is not a duration of at most 60 s, naming the parameter, before starting anything', async () => {
    const workflowId = await publishWorkflow('wait refused', quickFlow);

    for (const wait of ['abc', '61s', '-1s', '']) {
      const { status, body } = await start(workflowId, `?wait=${wait}`);
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: 'invalid_request', details: [{ path: 'wait' }] });
      expect(body.error.message).toMatch(/^wait: /);
    }
    expect(await db().run.count({ where: { workflowId } })).toBe(0);
  });
});

describe('the concurrency limit', () => {
  it('lets exactly one of five simultaneous starts through when one run may be active', async () => {
    const workflowId = await publishWorkflow('one at a time', {
      settings: { concurrencyLimit: 1 },
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'review', type: 'human.approval', config: { message: 'Go on?' } },
      ],
      edges: [{ source: 'start', target: 'review' }],
    });

    const answers = await Promise.all(Array.from({ length: 5 }, () => start(workflowId, '')));

    const accepted = answers.filter((answer) => answer.status === 202);
    expect(accepted).toHaveLength(1);
    for (const refused of answers.filter((answer) => answer.status !== 202)) {
      expect(refused).toEqual({
        status: 429,
        body: {
          error: {
            code: 'concurrency_limit',
            message: 'This workflow allows 1 active run(s) at a time and has 1',
            details: { limit: 1, active: 1 },
          },
        },
      });
    }
    expect(await db().run.count({ where: { workflowId } })).toBe(1);
    const cancelled = await apiFetch(`/api/runs/${accepted[0].body.runId}/cancel`, { method: 'POST' });
    expect(cancelled.status).toBeLessThan(300);
  });
});

describe('starting runs with an API key', () => {
  it('records the run and its audit row as started by the key, and shows the key as who started it', async () => {
    const other = await createOtherOrg('Key starter');
    const created = await other.keyFetch('/api/workflows', {
      method: 'POST',
      body: JSON.stringify({ name: 'by key' }),
    });
    const workflow = await created.json();
    const published = await other.keyFetch(`/api/workflows/${workflow.id}/versions`, {
      method: 'POST',
      body: JSON.stringify({ definition: quickFlow }),
    });
    expect(published.status).toBe(201);
    const key = await db().apiKey.findFirstOrThrow({ where: { orgId: other.orgId } });

    const response = await other.keyFetch(`/api/workflows/${workflow.id}/runs?wait=30s`, {
      method: 'POST',
      body: JSON.stringify({ input: { x: 1 } }),
    });
    const { runId } = await response.json();

    expect(response.status).toBe(200);
    const run = await db().run.findUniqueOrThrow({ where: { id: runId } });
    expect({ type: run.startedByType, id: run.startedById }).toEqual({ type: 'API_KEY', id: key.id });
    const [audit, ...more] = await startAudits([runId]);
    expect(more).toEqual([]);
    expect(audit).toMatchObject({ actorType: 'API_KEY', actorId: key.id, orgId: other.orgId });
    const label = `API key ${key.name} (fo_${key.prefix}_…)`;
    const detail = await (await other.keyFetch(`/api/runs/${runId}`)).json();
    expect(detail.startedBy).toEqual({ type: 'API_KEY', label });
    const list = await (await other.keyFetch(`/api/runs?workflowId=${workflow.id}`)).json();
    expect(list.items.map((item: { startedBy: unknown }) => item.startedBy)).toEqual([{ type: 'API_KEY', label }]);
  });

  it('answers a burst of concurrent starts with 202, 429 or 503 only, and every accepted run has its audit row', async () => {
    // A fresh org and key: the burst meets only its own limits (60 a minute for the key, as the
    // tests' platform sets it), never another test's.
    const other = await createOtherOrg('Burst');
    const workflow = await (
      await other.keyFetch('/api/workflows', { method: 'POST', body: JSON.stringify({ name: 'burst' }) })
    ).json();
    await other.keyFetch(`/api/workflows/${workflow.id}/versions`, {
      method: 'POST',
      body: JSON.stringify({ definition: quickFlow }),
    });

    const answers = await Promise.all(
      Array.from({ length: 70 }, async (_, i) => {
        const response = await other.keyFetch(`/api/workflows/${workflow.id}/runs`, {
          method: 'POST',
          body: JSON.stringify({ input: { x: i } }),
        });
        return {
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          body: await response.json(),
        };
      }),
    );

    const statuses = new Set(answers.map((answer) => answer.status));
    expect([...statuses].filter((status) => ![202, 429, 503].includes(status))).toEqual([]);
    // Two of the key's 60 requests went on making the workflow: 58 pass the limit, 12 do not.
    expect(answers.filter((answer) => answer.status === 429).length).toBe(12);
    for (const refused of answers.filter((answer) => answer.status !== 202)) {
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      expect(['rate_limited', 'overloaded']).toContain(refused.body.error.code);
    }
    const accepted = answers.filter((answer) => answer.status === 202).map((answer) => answer.body.runId as string);
    expect(accepted.length).toBeGreaterThan(0);
    const runs = await db().run.findMany({ where: { workflowId: workflow.id }, select: { id: true } });
    expect(runs.map((run) => run.id).sort()).toEqual([...accepted].sort());
    const audits = await startAudits(accepted);
    expect(audits.map((audit) => audit.targetId).sort()).toEqual([...accepted].sort());
  });
});
