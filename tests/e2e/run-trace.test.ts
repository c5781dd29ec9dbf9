import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { db } from '@/lib/db/client';
import { storeCredential } from '@/lib/vault/credentials';
import { apiFetch, ownerOrg } from '../support/api';
import { browserForSuite, ownerPage, screenshotPath } from '../support/browser';
import { endedTriggerToOutputRun, publishWorkflow, startRun, waitForRun } from '../support/engine';
import { TestServer } from '../support/test-server';

const server = new TestServer();
let base = '';
beforeAll(async () => {
  base = await server.start();
});
afterAll(() => server.stop());

const at = (column: number, row = 0) => ({ x: column * 240, y: row * 140 });

function traceSample(credentialId: string) {
  return {
    nodes: [
      { id: 'start', type: 'trigger.manual', position: at(0) },
      { id: 'vars', type: 'data.set', config: { values: { region: 'eu' } }, position: at(1) },
      { id: 'fan', type: 'flow.parallel', position: at(2) },
      // The stub server holds both branches' calls until it has seen both: the two overlap.
      { id: 'left', type: 'http.request', name: 'Left branch', config: { url: `${base}/left` }, position: at(3, -1) },
      { id: 'right', type: 'http.request', name: 'Right branch', config: { url: `${base}/right` }, position: at(3, 1) },
      { id: 'join', type: 'flow.merge', position: at(4) },
      {
        id: 'flaky',
        type: 'http.request',
        name: 'Flaky service',
        config: { url: `${base}/flaky` },
        settings: { retry: { maxAttempts: 2, initialIntervalMs: 300 } },
        position: at(5),
      },
      { id: 'gate', type: 'human.approval', name: 'Go on?', config: { message: 'Go on?' }, position: at(6) },
      {
        id: 'locked',
        type: 'http.request',
        name: 'Locked service',
        config: { url: `${base}/locked`, auth: { type: 'credential', credentialId } },
        settings: { retry: { maxAttempts: 1 } },
        position: at(7),
      },
    ],
    edges: [
      { source: 'start', target: 'vars' },
      { source: 'vars', target: 'fan' },
      { source: 'fan', target: 'left' },
      { source: 'fan', target: 'right' },
      { source: 'left', target: 'join' },
      { source: 'right', target: 'join' },
      { source: 'join', target: 'flaky' },
      { source: 'flaky', target: 'gate' },
      { source: 'gate', sourceHandle: 'approved', target: 'locked' },
    ],
  };
}

interface DrawnBar {
  nodeId: string;
  attempt: number;
  kind: string;
  status: string;
  x: number;
  width: number;
}

/** Every bar the trace draws, with its place on the time axis in pixels. */
const drawnBars = (page: Page): Promise<DrawnBar[]> =>
  page.getByTestId('trace-bar').evaluateAll((bars) =>
    bars.map((bar) => {
      const box = bar.getBoundingClientRect();
      const data = (bar as HTMLElement).dataset;
      return {
        nodeId: data.nodeId!,
        attempt: Number(data.attempt),
        kind: data.kind!,
        status: data.status!,
        x: box.left,
        width: box.width,
      };
    }),
  );

const bar = (page: Page, nodeId: string, attempt = 1) =>
  page.locator(`[data-testid="trace-bar"][data-node-id="${nodeId}"][data-attempt="${attempt}"]`);

const runStatus = (page: Page, status: string) =>
  page
    .getByTestId('run-status')
    .filter({ hasText: new RegExp(`^${status}$`) })
    .waitFor();

describe('the run trace', () => {
  const browser = browserForSuite();

  it('draws parallel branches overlapping, retries as separate bars, the approval as waiting; a bar opens its attempt', async () => {
    const credentialName = `Locked API ${randomUUID().slice(0, 6)}`;
    const credentialId = await storeCredential(ownerOrg(), {
      name: credentialName,
      type: 'bearer',
      value: { token: 'expired-token' },
    });
    let flakyCalls = 0;
    server.on('/flaky', () => (++flakyCalls === 1 ? { status: 503, json: { busy: true } } : { json: { ok: true } }));
    server.on('/locked', () => ({ status: 401, json: { error: 'token expired' } }));
    server.on('/left', () => 'hold');
    server.on('/right', () => 'hold');
    const workflowId = await publishWorkflow('Traced fan-out', traceSample(credentialId));
    const runId = await startRun(workflowId, { orderId: 'T-1' });
    await expect.poll(() => server.requests('/left').length + server.requests('/right').length).toBe(2);
    server.releaseHeld();
    await waitForRun(runId, ['WAITING']);

    const page = await ownerPage(browser(), { width: 1440, height: 1000 });
    await page.goto(`${inject('platform').webUrl}/runs/${runId}`);
    await runStatus(page, 'waiting');
    await page.getByRole('tab', { name: 'Trace' }).click();
    await bar(page, 'gate').waitFor();
    const bars = await drawnBars(page);
    expect(bars.map((b) => [b.nodeId, b.attempt, b.kind, b.status])).toEqual([
      ['fan', 1, 'running', 'SUCCEEDED'],
      ['start', 1, 'running', 'SUCCEEDED'],
      ['vars', 1, 'running', 'SUCCEEDED'],
      // Both branches start together: which of them starts first is the worker's choice.
      ...(bars[3].nodeId === 'left'
        ? [
            ['left', 1, 'running', 'SUCCEEDED'],
            ['right', 1, 'running', 'SUCCEEDED'],
          ]
        : [
            ['right', 1, 'running', 'SUCCEEDED'],
            ['left', 1, 'running', 'SUCCEEDED'],
          ]),
      ['join', 1, 'running', 'SUCCEEDED'],
      ['flaky', 1, 'running', 'FAILED'],
      ['flaky', 2, 'running', 'SUCCEEDED'],
      ['gate', 1, 'waiting', 'WAITING'],
    ]);
    const [left, right] = ['left', 'right'].map((id) => bars.find((b) => b.nodeId === id)!);
    // Overlapping x-ranges: each branch started before the other ended.
    expect(left.x).toBeLessThan(right.x + right.width);
    expect(right.x).toBeLessThan(left.x + left.width);
    const [firstTry, retry] = bars.filter((b) => b.nodeId === 'flaky');
    // The retry starts after the first attempt ended, its backoff drawn between them.
    expect(retry.x).toBeGreaterThanOrEqual(firstTry.x + firstTry.width);
    expect(await page.getByTestId('trace-retry-wait').count()).toBe(1);

    // The waiting bar grows while the run waits.
    const gateWidth = bars.find((b) => b.nodeId === 'gate')!.width;
    await page.waitForFunction(
      (width) =>
        document.querySelector<HTMLElement>('[data-testid="trace-bar"][data-node-id="gate"]')!.getBoundingClientRect()
          .width > width,
      gateWidth,
    );

    await bar(page, 'flaky', 1).hover();
    const tooltip = page.getByTestId('trace-tooltip');
    expect(await tooltip.locator('p').textContent()).toBe('Flaky service · attempt 1');
    expect(await tooltip.textContent()).toMatch(/^Flaky service · attempt 1Runningfailed\s*Start\+\d/);
    expect(await tooltip.getByTestId('trace-tooltip-duration').textContent()).toMatch(/^\d+ ms$/);
    await page.screenshot({ path: screenshotPath('run-trace-live') });

    await bar(page, 'flaky', 1).click();
    const inspector = page.getByRole('complementary', { name: 'Node inspector' });
    expect(await inspector.getByRole('heading', { level: 2 }).textContent()).toBe('Flaky service');
    expect(
      await inspector
        .getByRole('button', { name: /^attempt \d/ })
        .evaluateAll((buttons) => buttons.map((button) => [button.textContent, button.getAttribute('aria-pressed')])),
    ).toEqual([
      ['attempt 1: failed', 'true'],
      ['attempt 2: succeeded', 'false'],
    ]);
    expect(await inspector.getByTestId('inspector-status').textContent()).toBe('failed');
    const error = inspector.getByRole('region', { name: 'Error' });
    expect(await error.locator('div').first().textContent()).toBe('HttpError503');
    expect(await error.getByTestId('error-hint').textContent()).toMatch(/^The service failed on its side/);

    await page.getByRole('button', { name: 'Approve Go on?' }).click();
    await runStatus(page, 'failed');
    await bar(page, 'locked').waitFor();
    expect(await bar(page, 'gate').getAttribute('data-kind')).toBe('waiting');
    expect(await bar(page, 'gate').getAttribute('data-status')).toBe('SUCCEEDED');
    expect(await bar(page, 'locked').getAttribute('data-status')).toBe('FAILED');

    await bar(page, 'locked').click();
    expect(await inspector.getByRole('heading', { level: 2 }).textContent()).toBe('Locked service');
    expect(await inspector.getByRole('region', { name: 'Error' }).getByTestId('error-hint').textContent()).toBe(
      `The service did not accept the credentials: check credential "${credentialName}" (is it still valid, for this service?) under Settings → Credentials.`,
    );
    // The context it started in: the run's input, every node before it, and the variable set on the way.
    const context = inspector.getByRole('region', { name: 'Context' });
    expect(await context.getByTestId('context-note').textContent()).toMatch(/rebuilt from this run’s records/);
    const scope = context.getByRole('region', { name: 'Scope' });
    const unfold = scope.getByRole('button', { name: /^Show all/ });
    if (await unfold.count()) await unfold.click();
    const { input, nodes, vars } = JSON.parse((await scope.locator('pre').textContent())!);
    expect(input).toEqual({ orderId: 'T-1' });
    expect(vars).toEqual({ region: 'eu' });
    expect(Object.keys(nodes).sort()).toEqual(['fan', 'flaky', 'gate', 'join', 'left', 'right', 'start', 'vars']);
    expect(nodes.left.output).toMatchObject({ status: 200, body: { released: true } });
    expect(Object.keys(nodes.join.output)).toEqual(['left', 'right']);
    expect(nodes.join.output.right).toMatchObject({ status: 200, body: { released: true } });
    expect(nodes.gate.output.decision).toBe('approved');
    await inspector.getByRole('region', { name: 'Error' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('run-trace-failed-hint') });
    await context.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('run-trace-context') });
  });
});

describe('the trace of a long run', () => {
  const browser = browserForSuite();

  it('draws only the rows in view of a 10,000-step run, and scrolls to its last step', async () => {
    const run = await endedTriggerToOutputRun('Ten thousand steps');
    const runId = run.id;
    const t0 = run.startedAt!.getTime();
    // As a loop of 10,000 passes would record them, one millisecond each.
    await db().runStep.createMany({
      data: Array.from({ length: 10_000 }, (_, index) => ({
        orgId: run.orgId,
        runId,
        nodeId: 'out',
        iteration: index + 1,
        attempt: 1,
        status: 'SUCCEEDED' as const,
        startedAt: new Date(t0 + 1000 + index),
        endedAt: new Date(t0 + 1001 + index),
      })),
    });

    const page = await ownerPage(browser(), { width: 1440, height: 900 });
    await page.goto(`${inject('platform').webUrl}/runs/${runId}`);
    await runStatus(page, 'succeeded');
    await page.getByRole('tab', { name: 'Trace' }).click();
    expect(await page.getByTestId('trace-count').textContent()).toBe('10002 steps');
    const drawn = await page.getByTestId('trace-bar').count();
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(50);

    await page
      .getByRole('list', { name: 'Steps' })
      .evaluate((list) => list.parentElement!.scrollTo({ top: list.parentElement!.scrollHeight }));
    await page.locator('[data-testid="trace-bar"][data-iteration="10000"]').waitFor();
    expect(await page.getByTestId('trace-bar').count()).toBeLessThan(50);
    expect(await page.locator('[data-testid="trace-bar"][data-iteration="1"]').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('run-trace-10k') });
  });
});

describe('the runs list', () => {
  const browser = browserForSuite();

  const gated = {
    nodes: [
      { id: 'start', type: 'trigger.manual' },
      { id: 'gate', type: 'human.approval', config: { message: 'Go?' } },
      { id: 'out', type: 'flow.output', config: { value: 'ok' } },
    ],
    edges: [
      { source: 'start', target: 'gate' },
      { source: 'gate', sourceHandle: 'approved', target: 'out' },
    ],
  };

  it('filters by URL parameters and the form, and follows a run’s status live', async () => {
    const { webUrl } = inject('platform');
    const workflowId = await publishWorkflow(`Filtered ${randomUUID().slice(0, 6)}`, gated);
    const finished = await startRun(workflowId);
    await waitForRun(finished, ['WAITING']);
    await apiFetch(`/api/runs/${finished}/approvals/gate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'approved' }),
    });
    await waitForRun(finished);
    const waiting = await startRun(workflowId);
    await waitForRun(waiting, ['WAITING']);

    const page = await ownerPage(browser(), { width: 1440, height: 900 });
    const rowIds = () =>
      page.getByTestId('run-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-run-id')));
    await page.goto(`${webUrl}/runs?workflowId=${workflowId}`);
    expect(await rowIds()).toEqual([waiting, finished]);

    // The form writes the URL.
    await page.getByLabel('Status').selectOption('WAITING');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.waitForURL(/status=WAITING/);
    expect(new URL(page.url()).searchParams.get('workflowId')).toBe(workflowId);
    expect(await rowIds()).toEqual([waiting]);
    expect(await page.getByTestId('run-started-by').allTextContents()).toEqual(['Test Owner']);
    await page.screenshot({ path: screenshotPath('runs-filtered') });

    await page.goto(`${webUrl}/runs?workflowId=${workflowId}&q=${finished.slice(0, 10)}`);
    expect(await rowIds()).toEqual([finished]);
    await page.goto(`${webUrl}/runs?workflowId=${workflowId}&trigger=schedule`);
    await page.getByText('No runs match these filters.').waitFor();
    await page.goto(`${webUrl}/runs?status=finished`);
    expect(await page.getByTestId('runs-filter-error').textContent()).toMatch(/^status: /);

    // A decision elsewhere shows in the list without a reload.
    await page.goto(`${webUrl}/runs?workflowId=${workflowId}`);
    await page.locator('[data-testid="runs-live"][data-state="live"]').waitFor();
    const row = page.locator(`[data-testid="run-row"][data-run-id="${waiting}"]`);
    expect(await row.getByText('waiting', { exact: true }).count()).toBe(1);
    await apiFetch(`/api/runs/${waiting}/approvals/gate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'approved' }),
    });
    await row.getByText('succeeded', { exact: true }).waitFor();
    await page.screenshot({ path: screenshotPath('runs-live') });
  });
});
