import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import type { CollectedPoint } from '../support/otlp-collector';
import { TestServer } from '../support/test-server';
import { apiFetch } from '../support/api';
import { parsePrometheusText, sampleValue, type Exposition } from '../support/prometheus-text';

const platform = inject('platform');
const server = new TestServer();
let base = '';

beforeAll(async () => {
  base = await server.start();
  server.on('/fail', () => ({ status: 500, json: { error: 'down' } }));
});
afterAll(() => server.stop());

async function scrape(): Promise<Exposition> {
  const response = await fetch(`${platform.webUrl}/api/metrics`, {
    headers: { authorization: `Bearer ${platform.metricsToken}` },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parsePrometheusText(await response.text());
}

const value = sampleValue;
/** How many observations a histogram series holds; 0 when it does not exist yet. */
const observations = (exposition: Exposition, name: string, labels: Record<string, string>) =>
  sampleValue(exposition, `${name}_count`, labels);

const httpFlow = (url: string) => ({
  nodes: [
    { id: 'start', type: 'trigger.manual' },
    {
      id: 'call',
      type: 'http.request',
      config: { method: 'GET', url },
      settings: { retry: { maxAttempts: 2, initialIntervalMs: 1 } },
    },
  ],
  edges: [{ source: 'start', target: 'call' }],
});

describe('GET /api/metrics', () => {
  it('answers only a scraper holding METRICS_TOKEN', async () => {
    const bare = await fetch(`${platform.webUrl}/api/metrics`);
    expect(bare.status).toBe(401);
    expect(await bare.json()).toEqual({
      error: { code: 'unauthenticated', message: 'Send "Authorization: Bearer <METRICS_TOKEN>"' },
    });
    const wrong = await fetch(`${platform.webUrl}/api/metrics`, {
      headers: { authorization: `Bearer ${platform.metricsToken}x` },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({
      error: { code: 'invalid_authorization', message: 'The bearer token is not the METRICS_TOKEN' },
    });
  });

  it('counts the runs, node attempts, retries and API requests executed, summed over every process', async () => {
    // Node counters are per type, not per run: start from a platform where nothing else runs
    // (a retry of another file's run would count too). Waiting and queued runs make no attempts.
    let before = await scrape();
    await expect
      .poll(
        async () => {
          before = await scrape();
          return value(before, 'floworchestrator_runs_active', { status: 'RUNNING' });
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(0);
    const okWorkflow = await publishWorkflow('metrics ok', httpFlow(`${base}/ok`));
    const failingWorkflow = await publishWorkflow('metrics failing', httpFlow(`${base}/fail`));
    const runs = await Promise.all([startRun(okWorkflow), startRun(okWorkflow), startRun(failingWorkflow)]);
    const ended = await Promise.all(runs.map((runId) => waitForRun(runId)));
    expect(ended.map((run) => run.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'FAILED']);

    // The worker writes its figures every few seconds: wait for the runs' ends to show.
    let after = before;
    await expect
      .poll(
        async () => {
          after = await scrape();
          return [
            value(after, 'floworchestrator_runs_finished_total', { workflow_id: okWorkflow, status: 'SUCCEEDED' }),
            value(after, 'floworchestrator_runs_finished_total', { workflow_id: failingWorkflow, status: 'FAILED' }),
          ];
        },
        { timeout: 30_000, interval: 500 },
      )
      .toEqual([2, 1]);

    expect(value(after, 'floworchestrator_runs_started_total', { workflow_id: okWorkflow, trigger: 'API' })).toBe(2);
    expect(value(after, 'floworchestrator_runs_started_total', { workflow_id: failingWorkflow, trigger: 'API' })).toBe(
      1,
    );
    expect(value(after, 'floworchestrator_runs_finished_total', { workflow_id: okWorkflow, status: 'FAILED' })).toBe(0);

    expect(after.types.get('floworchestrator_runs_finished_total')).toBe('counter');
    expect(after.types.get('floworchestrator_node_duration_seconds')).toBe('histogram');
    const attempts = (families: Exposition, outcome: string) =>
      observations(families, 'floworchestrator_node_duration_seconds', { node_type: 'http.request', outcome });
    // Two successful calls; the failing node's two attempts (one retry) both failed.
    expect(attempts(after, 'succeeded') - attempts(before, 'succeeded')).toBe(2);
    expect(attempts(after, 'failed') - attempts(before, 'failed')).toBe(2);
    const retries = (families: Exposition) =>
      value(families, 'floworchestrator_node_retries_total', { node_type: 'http.request' });
    expect(retries(after) - retries(before)).toBe(1);

    const starts = (families: Exposition) =>
      observations(families, 'floworchestrator_http_request_duration_seconds', {
        method: 'POST',
        route: '/api/workflows/:id/runs',
        status: '202',
      });
    expect(starts(after) - starts(before)).toBe(3);
  });

  it('reads live gauges from Postgres and Temporal: waiting approvals, active runs, task queue workers', async () => {
    const approvalWorkflow = await publishWorkflow('metrics approval', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'review', type: 'human.approval', config: { message: 'Ship it?' } },
      ],
      edges: [{ source: 'start', target: 'review' }],
    });
    const before = await scrape();
    const runId = await startRun(approvalWorkflow);
    await waitForRun(runId, ['WAITING']);
    const waiting = await scrape();
    expect(
      value(waiting, 'floworchestrator_approvals_waiting') - value(before, 'floworchestrator_approvals_waiting'),
    ).toBe(1);
    const waitingRuns = (families: Exposition) =>
      value(families, 'floworchestrator_runs_active', { status: 'WAITING' });
    expect(waitingRuns(waiting) - waitingRuns(before)).toBe(1);
    for (const kind of ['workflow', 'activity']) {
      expect(value(waiting, 'floworchestrator_task_queue_workers', { task_queue: platform.taskQueue, kind })).toBe(1);
    }

    const cancelled = await apiFetch(`/api/runs/${runId}/cancel`, { method: 'POST' });
    expect(cancelled.status).toBe(202);
    await waitForRun(runId, ['CANCELLED']);
    const after = await scrape();
    expect(value(after, 'floworchestrator_approvals_waiting')).toBe(
      value(before, 'floworchestrator_approvals_waiting'),
    );
  });

  it('sends the same figures to an OpenTelemetry collector over OTLP', async () => {
    const workflowId = await publishWorkflow('metrics over otlp', httpFlow(`${base}/ok`));
    const run = await waitForRun(await startRun(workflowId));
    expect(run.status).toBe('SUCCEEDED');
    const exported = async (name: string, labels: Record<string, string>) => {
      const response = await fetch(`${platform.otlpCollectorUrl}/metrics?name=${name}`);
      const points = (await response.json()) as CollectedPoint[];
      return points.find((point) => Object.entries(labels).every(([key, value]) => point.attributes[key] === value))
        ?.value;
    };
    const finished = { workflow_id: workflowId, status: 'SUCCEEDED' };
    await expect
      .poll(() => exported('floworchestrator_runs_finished_total', finished), { timeout: 30_000, interval: 250 })
      .toBe(1);
    // The collector and a Prometheus scrape agree, histograms included.
    const scraped = await scrape();
    expect(sampleValue(scraped, 'floworchestrator_runs_finished_total', finished)).toBe(1);
    const started = { workflow_id: workflowId, trigger: 'API' };
    expect(await exported('floworchestrator_runs_started_total', started)).toBe(
      sampleValue(scraped, 'floworchestrator_runs_started_total', started),
    );
    await expect
      .poll(
        async () => {
          const [otlp, prometheus] = await Promise.all([
            exported('floworchestrator_node_duration_seconds', { node_type: 'http.request', outcome: 'succeeded' }),
            scrape(),
          ]);
          return (
            otlp ===
            observations(prometheus, 'floworchestrator_node_duration_seconds', {
              node_type: 'http.request',
              outcome: 'succeeded',
            })
          );
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
  });
});
