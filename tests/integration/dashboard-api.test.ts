import { beforeAll, describe, expect, it } from 'vitest';
import { apiFetch } from '../support/api';
import { minutesAgo, seedWorkflowRuns } from '../support/dashboard-seed';
import { createOtherOrg } from '../support/other-org';

const HOUR = 60;
const DAY = 24 * HOUR;

const alphaNodes = [
  { id: 'start', type: 'trigger.manual' },
  { id: 'fetch', type: 'http.request' },
  { id: 'review', type: 'human.approval' },
];
const betaNodes = [
  { id: 'start', type: 'trigger.manual' },
  { id: 'transform', type: 'code.run' },
];

const fetched = (durationMs: number) => ({ nodeId: 'fetch', status: 'SUCCEEDED' as const, durationMs });

describe('GET /api/dashboard', () => {
  let org: Awaited<ReturnType<typeof createOtherOrg>>;
  let alpha: string;
  let beta: string;
  let waitingRun: string;

  async function figures(range: string) {
    const response = await org.keyFetch(`/api/dashboard?range=${range}`);
    expect(response.status, await response.clone().text()).toBe(200);
    return response.json();
  }

  beforeAll(async () => {
    // Its own org, so the figures are exactly the runs below.
    org = await createOtherOrg('Dashboard figures');
    const now = Date.now();
    const lastHour = minutesAgo(now, 10);
    const alphaRuns = await seedWorkflowRuns(org.orgId, 'Dash alpha', alphaNodes, [
      { status: 'SUCCEEDED', at: lastHour, durationMs: 100, steps: [fetched(10)] },
      { status: 'SUCCEEDED', at: lastHour, durationMs: 200, steps: [fetched(20)] },
      { status: 'SUCCEEDED', at: lastHour, durationMs: 300, steps: [fetched(30)] },
      { status: 'SUCCEEDED', at: lastHour, durationMs: 400, steps: [fetched(40)] },
      {
        status: 'FAILED',
        at: lastHour,
        durationMs: 500,
        steps: [{ nodeId: 'fetch', status: 'FAILED', durationMs: 50, errorType: 'HttpError' }],
      },
      { status: 'WAITING', at: minutesAgo(now, 30), steps: [{ nodeId: 'review', status: 'WAITING' }] },
      { status: 'CANCELLED', at: minutesAgo(now, 3 * DAY), durationMs: 50 },
      { status: 'FAILED', at: minutesAgo(now, 20 * DAY), durationMs: 700 },
    ]);
    alpha = alphaRuns.workflowId;
    waitingRun = alphaRuns.runIds[5];
    const threeHoursAgo = minutesAgo(now, 3 * HOUR);
    beta = (
      await seedWorkflowRuns(org.orgId, 'Dash beta', betaNodes, [
        { status: 'SUCCEEDED', at: threeHoursAgo, durationMs: 1000 },
        {
          status: 'FAILED',
          at: threeHoursAgo,
          durationMs: 3000,
          steps: [{ nodeId: 'transform', status: 'FAILED', durationMs: 5, errorType: 'TypeError' }],
        },
        { status: 'SUCCEEDED', at: minutesAgo(now, 3 * DAY), durationMs: 9000 },
      ])
    ).workflowId;
  });

  it('counts, rates and percentiles of the last hour', async () => {
    const body = await figures('1h');
    expect(body.range).toBe('1h');
    expect(body.outcomes).toEqual({ succeeded: 4, failed: 1, cancelled: 0, successRate: 0.8 });
    // percentile_cont over 100…500: P95 sits 80% of the way from 400 to 500.
    expect(body.runLatency).toEqual({ runs: 5, p50: 300, p95: 480, p99: 496 });
    // Five-minute buckets from the one holding the start of the hour to now.
    expect(body.throughput).toHaveLength(13);
    const sum = (key: string) =>
      body.throughput.reduce((total: number, bucket: Record<string, number>) => total + bucket[key], 0);
    expect([sum('started'), sum('completed'), sum('succeeded'), sum('failed')]).toEqual([6, 5, 4, 1]);
    const http = body.nodeTypeLatency.find((row: { nodeType: string }) => row.nodeType === 'http.request');
    expect(http.attempts).toBe(5);
    expect([http.p50, http.p95, http.p99].map((ms: number) => Math.round(ms * 10) / 10)).toEqual([30, 48, 49.6]);
    expect(body.failures).toEqual({
      byNodeType: [{ key: 'http.request', failures: 1 }],
      byErrorType: [{ key: 'HttpError', failures: 1 }],
    });
    expect(body.slowestWorkflows.map((row: { workflowId: string }) => row.workflowId)).toEqual([alpha]);
  });

  it('widens to 24 hours and 30 days', async () => {
    const day = await figures('24h');
    expect(day.outcomes).toEqual({ succeeded: 5, failed: 2, cancelled: 0, successRate: 5 / 7 });
    // 100…500, 1000, 3000: P95 at rank 5.7, between 1000 and 3000.
    expect(day.runLatency.p50).toBe(400);
    expect(day.runLatency.p95).toBeCloseTo(2400, 6);
    expect(day.runLatency.p99).toBeCloseTo(2880, 6);
    expect(day.throughput).toHaveLength(25);
    expect(day.failures.byNodeType).toEqual([
      { key: 'code.run', failures: 1 },
      { key: 'http.request', failures: 1 },
    ]);
    expect(day.failures.byErrorType).toEqual([
      { key: 'HttpError', failures: 1 },
      { key: 'TypeError', failures: 1 },
    ]);
    expect(day.slowestWorkflows).toMatchObject([
      { workflowId: beta, name: 'Dash beta', runs: 2, p50: 2000 },
      { workflowId: alpha, name: 'Dash alpha', runs: 5, p50: 300 },
    ]);
    expect(day.slowestWorkflows[0].p95).toBeCloseTo(2900, 6);

    const month = await figures('30d');
    expect(month.outcomes).toEqual({ succeeded: 6, failed: 3, cancelled: 1, successRate: 6 / 9 });
    expect(month.runLatency.runs).toBe(10);
    expect(month.throughput).toHaveLength(31);
  });

  it('lists the approval waiting for a decision, with its age', async () => {
    const { pendingApprovals } = await figures('1h');
    expect(pendingApprovals.count).toBe(1);
    expect(pendingApprovals.oldest).toMatchObject([
      { runId: waitingRun, nodeId: 'review', workflowId: alpha, workflowName: 'Dash alpha' },
    ]);
    expect(pendingApprovals.oldest[0].ageMs).toBeGreaterThanOrEqual(30 * 60_000);
  });

  it('reads the error budget against the default SLO, then against one an admin sets', async () => {
    const before = (await figures('24h')).errorBudget;
    expect(before.slo).toEqual({ objectivePercent: 99.95, windowDays: 30 });
    // 30 days: 6 succeeded, 3 failed (the cancelled run counts for neither).
    expect([before.decided, before.failed]).toEqual([9, 3]);
    expect(before.budgetRemaining).toBeCloseTo(1 - 3 / (9 * 0.0005), 6);
    // burn = error rate / (1 - SLO): 1 in 5 over the last hour, 2 in 7 over the last six.
    expect(before.burnRates).toHaveLength(2);
    expect(before.burnRates[0]).toMatchObject({ windowHours: 1, failed: 1, decided: 5 });
    expect(before.burnRates[0].burnRate).toBeCloseTo(0.2 / 0.0005, 6);
    expect(before.burnRates[1]).toMatchObject({ windowHours: 6, failed: 2, decided: 7 });
    expect(before.burnRates[1].burnRate).toBeCloseTo(2 / 7 / 0.0005, 6);

    const put = await org.keyFetch('/api/dashboard/slo', {
      method: 'PUT',
      body: JSON.stringify({ objectivePercent: 90, windowDays: 7 }),
    });
    expect(put.status, await put.clone().text()).toBe(200);
    expect(await (await org.keyFetch('/api/dashboard/slo')).json()).toEqual({ objectivePercent: 90, windowDays: 7 });

    const after = (await figures('1h')).errorBudget;
    // 7 days: 6 succeeded, 2 failed; 10% may fail, so 0.8 failures were allowed and 2 happened.
    expect([after.decided, after.failed]).toEqual([8, 2]);
    expect(after.budgetRemaining).toBeCloseTo(1 - 2 / 0.8, 6);
    expect(after.burnRates[0].burnRate).toBeCloseTo(2, 6);
    expect(after.burnRates[1].burnRate).toBeCloseTo(2 / 7 / 0.1, 6);
  });

  it('refuses a bad range or SLO with 400 naming the field', async () => {
    const range = await org.keyFetch('/api/dashboard?range=2d');
    expect(range.status).toBe(400);
    const rangeBody = await range.json();
    expect(rangeBody.error.code).toBe('invalid_request');
    expect(rangeBody.error.details).toEqual([{ path: 'range', message: 'range must be 1h, 24h, 7d or 30d' }]);

    for (const [body, field] of [
      [{ objectivePercent: 100, windowDays: 30 }, 'objectivePercent'],
      [{ objectivePercent: '99.9', windowDays: 30 }, 'objectivePercent'],
      [{ objectivePercent: 99.9, windowDays: 1.5 }, 'windowDays'],
      [{ objectivePercent: 99.9 }, 'windowDays'],
    ] as const) {
      const response = await org.keyFetch('/api/dashboard/slo', { method: 'PUT', body: JSON.stringify(body) });
      expect(response.status).toBe(400);
      const error = (await response.json()).error;
      expect(error.code).toBe('invalid_request');
      expect(error.details.map((issue: { path: string }) => issue.path)).toEqual([field]);
      expect(error.message).toContain(field);
    }
  });

  it('shows another org none of these runs', async () => {
    const response = await apiFetch('/api/dashboard?range=30d');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.slowestWorkflows.map((row: { workflowId: string }) => row.workflowId)).not.toContain(alpha);
    expect(body.pendingApprovals.oldest.map((row: { runId: string }) => row.runId)).not.toContain(waitingRun);
  });
});
