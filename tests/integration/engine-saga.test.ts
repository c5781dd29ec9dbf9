import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import { TestServer } from '../support/test-server';
import { apiFetch } from '../support/api';

const server = new TestServer();
let base = '';
beforeAll(async () => {
  base = await server.start();
});
afterAll(() => server.stop());

const call = (id: string, path: string, settings: Record<string, unknown> = {}) => ({
  id,
  type: 'http.request',
  config: { method: 'POST', url: `${base}${path}` },
  settings: { retry: { maxAttempts: 1 }, ...settings },
});

describe('engine: compensation, cancellation and rerun', () => {
  it('undoes completed steps in reverse order when a later step fails', async () => {
    const workflowId = await publishWorkflow('saga', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        call('reserve', '/saga/reserve', { compensation: 'release' }),
        call('charge', '/saga/charge', { compensation: 'refund' }),
        { id: 'boom', type: 'flow.stopAndError', config: { message: 'shipping unavailable', code: 'NoShipping' } },
        call('release', '/saga/release'),
        call('refund', '/saga/refund'),
      ],
      edges: [
        { source: 'start', target: 'reserve' },
        { source: 'reserve', target: 'charge' },
        { source: 'charge', target: 'boom' },
      ],
    });
    const run = await waitForRun(await startRun(workflowId));
    expect(run.status).toBe('FAILED');
    expect(run.error).toMatchObject({ nodeId: 'boom', type: 'NoShipping', message: 'shipping unavailable' });
    const order = server.seen.filter((r) => r.path.startsWith('/saga/')).map((r) => r.path);
    expect(order).toEqual(['/saga/reserve', '/saga/charge', '/saga/refund', '/saga/release']);
  });

  it('cancels a waiting run and still compensates', async () => {
    const workflowId = await publishWorkflow('cancel', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        call('book', '/cancel/book', { compensation: 'unbook' }),
        { id: 'wait', type: 'flow.delay', config: { mode: 'duration', durationMs: 3_600_000 } },
        call('unbook', '/cancel/unbook'),
      ],
      edges: [
        { source: 'start', target: 'book' },
        { source: 'book', target: 'wait' },
      ],
    });
    const runId = await startRun(workflowId);
    await waitForRun(runId, ['RUNNING']);
    // The delay starts right after `book`; wait for book's request before cancelling.
    await expect.poll(() => server.requests('/cancel/book').length).toBe(1);
    const response = await apiFetch(`/api/runs/${runId}/cancel`, { method: 'POST' });
    expect(response.status).toBe(202);
    const run = await waitForRun(runId);
    expect(run.status).toBe('CANCELLED');
    expect(server.requests('/cancel/unbook')).toHaveLength(1);
    const again = await apiFetch(`/api/runs/${runId}/cancel`, { method: 'POST' });
    expect(again.status).toBe(409);
  });

  it('reruns from the failed node, reusing the outputs recorded before it', async () => {
    let healthy = false;
    server.on('/rerun/flaky', () => (healthy ? { json: { fixed: true } } : { status: 500 }));
    const workflowId = await publishWorkflow('rerun', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        call('first', '/rerun/first'),
        call('flaky', '/rerun/flaky'),
        { id: 'out', type: 'flow.output', config: { value: '{{ nodes.flaky.output.body }}' } },
      ],
      edges: [
        { source: 'start', target: 'first' },
        { source: 'first', target: 'flaky' },
        { source: 'flaky', target: 'out' },
      ],
    });
    const failed = await waitForRun(await startRun(workflowId, { order: 7 }));
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatchObject({ nodeId: 'flaky', type: 'HttpError500' });

    healthy = true;
    const response = await apiFetch(`/api/runs/${failed.id}/rerun`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: 'failed' }),
    });
    expect(response.status).toBe(202);
    const rerun = await waitForRun((await response.json()).runId);
    expect(rerun.status).toBe('SUCCEEDED');
    expect(rerun.output).toEqual({ fixed: true });
    expect(rerun.rerunOfId).toBe(failed.id);
    expect(rerun.input).toEqual({ order: 7 });
    // `first` was reused, not called again.
    expect(server.requests('/rerun/first')).toHaveLength(1);
    expect(server.requests('/rerun/flaky')).toHaveLength(2);
  });
});

describe('engine: runs Temporal ends on its own', () => {
  it('marks a run failed when the workflow timeout set in the definition expires', async () => {
    const workflowId = await publishWorkflow('timeout', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'wait', type: 'flow.delay', config: { mode: 'duration', durationMs: 3_600_000 } },
      ],
      edges: [{ source: 'start', target: 'wait' }],
      settings: { timeoutMs: 1_000 },
    });
    const runId = await startRun(workflowId);
    await expect
      .poll(async () => (await (await apiFetch(`/api/runs/${runId}`)).json()).status, {
        timeout: 60_000,
        interval: 500,
      })
      .toBe('FAILED');
    const run = await (await apiFetch(`/api/runs/${runId}`)).json();
    expect(run.error.type).toBe('WorkflowTIMED_OUT');
  }, 90_000);
});

describe('engine: workflow settings', () => {
  it('starts the error workflow with the failed run, and enforces the concurrency limit', async () => {
    const alertId = await publishWorkflow('alerts', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'out', type: 'flow.output', config: { value: '{{ "alert: " & input.error.message }}' } },
      ],
      edges: [{ source: 'start', target: 'out' }],
    });
    const failingId = await publishWorkflow('fails with alert', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'wait', type: 'human.approval', config: { message: 'hold' } },
        { id: 'boom', type: 'flow.stopAndError', config: { message: 'disk full' } },
      ],
      edges: [
        { source: 'start', target: 'wait' },
        { source: 'wait', sourceHandle: 'approved', target: 'boom' },
      ],
      settings: { errorWorkflowId: alertId, concurrencyLimit: 1 },
    });
    const runId = await startRun(failingId);
    await waitForRun(runId, ['WAITING']);
    const second = await apiFetch(`/api/workflows/${failingId}/runs`, { method: 'POST' });
    expect(second.status).toBe(429);
    expect((await second.json()).error.code).toBe('concurrency_limit');

    await apiFetch(`/api/runs/${runId}/approvals/wait`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'approved' }),
    });
    expect((await waitForRun(runId)).status).toBe('FAILED');
    const alerts = await (await apiFetch(`/api/runs?workflowId=${alertId}`)).json();
    expect(alerts.items).toHaveLength(1);
    const alert = await waitForRun(alerts.items[0].id);
    expect(alert.output).toBe('alert: disk full');
    expect(alert.parentRunId).toBe(runId);
  });
});
