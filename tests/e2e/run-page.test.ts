import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '@/lib/auth/passwords';
import { db } from '@/lib/db/client';
import { browserForSuite, ownerPage, screenshotPath } from '../support/browser';
import { getRun, publishWorkflow, startRun, waitForRun } from '../support/engine';
import { signInOverHttp } from '../support/sign-in';

const at = (column: number) => ({ x: column * 260, y: 0 });

// Two approvals around a code node: the page is opened before the code runs, and the run still
// waits (on the second approval) once the code's console line is written.
const gatedScoring = {
  nodes: [
    { id: 'start', type: 'trigger.manual', position: at(0) },
    { id: 'gate', type: 'human.approval', name: 'Go ahead?', config: { message: 'Score it?' }, position: at(1) },
    {
      id: 'score',
      type: 'code.javascript',
      name: 'Score the order',
      config: {
        code: "console.log('Order total: ' + input.total); return { score: input.total / 10, items: input.items };",
        input: '{{ input }}',
      },
      position: at(2),
    },
    { id: 'review', type: 'human.approval', name: 'Ship it?', config: { message: 'Ship?' }, position: at(3) },
    { id: 'shipped', type: 'flow.output', config: { value: '{{ nodes.score.output.score }}' }, position: at(4) },
  ],
  edges: [
    { source: 'start', target: 'gate' },
    { source: 'gate', sourceHandle: 'approved', target: 'score' },
    { source: 'score', target: 'review' },
    { source: 'review', sourceHandle: 'approved', target: 'shipped' },
  ],
};

const failingCharge = {
  nodes: [
    { id: 'start', type: 'trigger.manual', position: at(0) },
    {
      id: 'charge',
      type: 'code.javascript',
      name: 'Charge the card',
      config: {
        // An error the code throws on purpose is retried (a mistake such as a TypeError is not).
        code: "console.warn('charging ' + input.orderId); throw Object.assign(new Error('card declined for order ' + input.orderId), { name: 'CardDeclined' });",
        input: '{{ input }}',
      },
      settings: { retry: { maxAttempts: 2, initialIntervalMs: 1 } },
      position: at(1),
    },
    { id: 'done', type: 'flow.output', config: { value: 'charged' }, position: at(2) },
  ],
  edges: [
    { source: 'start', target: 'charge' },
    { source: 'charge', target: 'done' },
  ],
};

const graphNode = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/** Every node's run status as the graph shows it (null: not run). */
const nodeStatuses = (page: Page) =>
  page
    .locator('.react-flow__node')
    .evaluateAll((nodes) =>
      Object.fromEntries(
        nodes.map((node) => [
          node.getAttribute('data-id'),
          node.querySelector('[data-testid="flow-node"]')?.getAttribute('data-run-status') ?? null,
        ]),
      ),
    );

const nodeStatus = (page: Page, id: string, status: string) =>
  graphNode(page, id).locator(`[data-run-status="${status}"]`).waitFor();

const runStatus = (page: Page, status: string) =>
  page
    .getByTestId('run-status')
    .filter({ hasText: new RegExp(`^${status}$`) })
    .waitFor();

async function viewerPage(browser: Browser): Promise<Page> {
  const { webUrl, owner } = inject('platform');
  const email = `viewer-${randomUUID()}@flow.test`;
  const password = 'viewer password 123';
  const user = await db().user.create({
    data: { email, name: 'Vic Viewer', passwordHash: await hashPassword(password) },
  });
  await db().membership.create({ data: { orgId: owner.orgId, userId: user.id, role: 'VIEWER' } });
  const [name, value] = (await signInOverHttp(webUrl, email, password)).split(/=(.*)/s, 2);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies([{ name, value, url: webUrl, httpOnly: true, sameSite: 'Lax' }]);
  return context.newPage();
}

describe('the run page', () => {
  const browser = browserForSuite();

  it('follows a run live: node statuses, the code node’s console line while the run goes on, its output, approvals', async () => {
    const { webUrl } = inject('platform');
    const workflowId = await publishWorkflow('Order scoring', gatedScoring);
    const runId = await startRun(workflowId, { total: 420, items: ['desk', 'lamp'] });
    await waitForRun(runId, ['WAITING']);

    const page = await ownerPage(browser(), { width: 1440, height: 900 });
    await page.goto(`${webUrl}/runs/${runId}`);
    await runStatus(page, 'waiting');
    expect(await page.getByRole('link', { name: 'Order scoring' }).getAttribute('href')).toBe(
      `/workflows/${workflowId}`,
    );
    expect(await page.getByTestId('run-id').textContent()).toBe(runId);
    const header = await page.locator('header').first().textContent();
    expect(header).toContain('v1');
    // Started through the API (the test's request), by the test org's owner.
    expect(header).toContain('Triggerapi');
    expect(header).toContain('Test Owner');
    expect(await nodeStatuses(page)).toEqual({
      start: 'SUCCEEDED',
      gate: 'WAITING',
      score: null,
      review: null,
      shipped: null,
    });
    await page.getByText('No log lines yet').waitFor();

    // The code node runs after the page opened: its line arrives over the stream.
    await page.getByRole('button', { name: 'Approve Go ahead?' }).click();
    await nodeStatus(page, 'review', 'WAITING');
    await runStatus(page, 'waiting');
    const line = page.getByTestId('log-line').filter({ hasText: 'Order total: 420' });
    await line.waitFor();
    expect(await line.textContent()).toContain('INFO');
    expect(await line.textContent()).toContain('score');
    expect(await nodeStatuses(page)).toEqual({
      start: 'SUCCEEDED',
      gate: 'SUCCEEDED',
      score: 'SUCCEEDED',
      review: 'WAITING',
      shipped: null,
    });

    await graphNode(page, 'score').click();
    const inspector = page.getByRole('complementary', { name: 'Node inspector' });
    const output = inspector.getByRole('region', { name: 'Output' });
    await output.locator('pre').waitFor();
    expect(JSON.parse((await output.locator('pre').textContent())!)).toEqual({ score: 42, items: ['desk', 'lamp'] });
    expect(await inspector.getByTestId('inspector-status').textContent()).toBe('succeeded');
    expect(await inspector.getByTestId('inspector-attempts').textContent()).toBe('1');
    await page.screenshot({ path: screenshotPath('run-page-live') });

    await page.getByRole('button', { name: 'Approve Ship it?' }).click();
    await runStatus(page, 'succeeded');
    expect(await nodeStatuses(page)).toEqual({
      start: 'SUCCEEDED',
      gate: 'SUCCEEDED',
      score: 'SUCCEEDED',
      review: 'SUCCEEDED',
      shipped: 'SUCCEEDED',
    });
    expect(await page.getByRole('button', { name: /Cancel run/ }).count()).toBe(0);
    expect(await page.getByText('Rerun', { exact: true }).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('run-page-succeeded') });
  });

  it('shows a failed run’s failing node in the runs list, and one click opens its error', async () => {
    const { webUrl } = inject('platform');
    const workflowId = await publishWorkflow('Card charge', failingCharge);
    const runId = await startRun(workflowId, { orderId: 'A-17' });
    expect((await waitForRun(runId)).status).toBe('FAILED');
    const recorded = await getRun(runId);
    const failure = recorded.steps.find((step: { attempt: number }) => step.attempt === 2).error;
    expect(failure).toMatchObject({ type: 'CardDeclined', message: 'card declined for order A-17' });

    const page = await ownerPage(browser(), { width: 1440, height: 900 });
    await page.goto(`${webUrl}/runs`);
    const row = page.getByRole('row', { name: new RegExp(runId.slice(0, 12)) });
    expect(await row.getByTestId('run-failure').textContent()).toBe('charge: card declined for order A-17');
    await page.screenshot({ path: screenshotPath('runs-list-failure') });
    await row.getByRole('link', { name: 'charge' }).click();
    await page.waitForURL(`${webUrl}/runs/${runId}?node=charge`);

    await runStatus(page, 'failed');
    expect(await page.getByTestId('run-error').textContent()).toBe('card declined for order A-17');
    const inspector = page.getByRole('complementary', { name: 'Node inspector' });
    const error = inspector.getByRole('region', { name: 'Error' });
    expect(await error.textContent()).toContain('CardDeclined');
    expect(await error.textContent()).toContain('card declined for order A-17');
    expect(await error.locator('pre').first().textContent()).toBe(failure.details.stack);
    expect(await inspector.getByTestId('inspector-attempts').textContent()).toBe('2');
    expect(await inspector.getByRole('button', { name: /attempt \d/ }).allTextContents()).toEqual([
      'attempt 1: failed',
      'attempt 2: failed',
    ]);
    // An activity node's input is its config as resolved for the attempt; a failed attempt has no output.
    const resolvedConfig = { code: failingCharge.nodes[1].config!.code, input: { orderId: 'A-17' } };
    expect(recorded.steps.find((step: { attempt: number }) => step.attempt === 2)).toMatchObject({
      input: resolvedConfig,
      output: null,
    });
    const input = inspector.getByRole('region', { name: 'Input' });
    expect(JSON.parse((await input.locator('pre').textContent())!)).toEqual(resolvedConfig);
    expect(await inspector.getByRole('region', { name: 'Output' }).textContent()).toBe(
      'OutputNone: this attempt has not succeeded.',
    );
    expect(await nodeStatuses(page)).toEqual({ start: 'SUCCEEDED', charge: 'FAILED', done: null });
    expect(await page.getByTestId('node-attempts').allTextContents()).toEqual(['2 attempts']);
    expect(await graphNode(page, 'charge').getByTestId('node-attempts').count()).toBe(1);
    // Each attempt's console line, filtered to warnings of that node.
    await page.getByTestId('log-line').nth(1).waitFor();
    await page.getByLabel('Level').selectOption('WARN');
    await page.getByLabel('Node', { exact: true }).selectOption('charge');
    expect(await page.getByTestId('log-line').allTextContents()).toEqual([
      expect.stringMatching(/WARNcharge\s?charging A-17$/),
      expect.stringMatching(/WARNcharge #2\s?charging A-17$/),
    ]);
    await page.getByLabel('Search the log').fill('nothing like this');
    expect(await page.getByTestId('log-line').count()).toBe(0);
    await page.getByLabel('Search the log').fill('');
    await page.screenshot({ path: screenshotPath('run-page-failed') });
  });

  it('follows the log as lines arrive, pauses when scrolled up, and resumes on request', async () => {
    const chatty = structuredClone(gatedScoring);
    chatty.nodes[2].config!.code = "for (let i = 1; i <= 200; i++) console.log('line ' + i); return 200;";
    const runId = await startRun(await publishWorkflow('Chatty', chatty), { total: 0, items: [] });
    await waitForRun(runId, ['WAITING']);
    const page = await ownerPage(browser(), { width: 1440, height: 900 });
    await page.goto(`${inject('platform').webUrl}/runs/${runId}`);
    await runStatus(page, 'waiting');
    const log = page.getByRole('log', { name: 'Log lines' });
    const distanceFromBottom = () => log.evaluate((list) => list.scrollHeight - list.scrollTop - list.clientHeight);

    await page.getByRole('button', { name: 'Approve Go ahead?' }).click();
    await page
      .getByTestId('log-line')
      .filter({ hasText: /line 200$/ })
      .waitFor();
    expect(await page.getByTestId('log-count').textContent()).toBe('200 lines');
    expect(await distanceFromBottom()).toBeLessThanOrEqual(8);
    await page.getByText('Following', { exact: true }).waitFor();

    await log.evaluate((list) => list.scrollTo({ top: 0 }));
    await page.getByRole('button', { name: 'Follow', exact: true }).waitFor();
    expect(await page.getByText('Following', { exact: true }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('run-page-log-paused') });

    await page.getByRole('button', { name: 'Follow', exact: true }).click();
    await page.getByText('Following', { exact: true }).waitFor();
    expect(await distanceFromBottom()).toBeLessThanOrEqual(8);
  });

  it('answers an unknown run id with the 404 page', async () => {
    const page = await ownerPage(browser());
    const response = await page.goto(`${inject('platform').webUrl}/runs/no-such-run`);
    expect(response!.status()).toBe(404);
  });

  it('shows a viewer the run without any action', async () => {
    const workflowId = await publishWorkflow('Watched approval', gatedScoring);
    const runId = await startRun(workflowId, { total: 1, items: [] });
    await waitForRun(runId, ['WAITING']);
    const page = await viewerPage(browser());
    await page.goto(`${inject('platform').webUrl}/runs/${runId}`);
    await runStatus(page, 'waiting');
    await nodeStatus(page, 'gate', 'WAITING');
    expect(await page.getByRole('button', { name: /Approve|Reject|Cancel run/ }).count()).toBe(0);
    expect(await page.getByText('Rerun', { exact: true }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('run-page-viewer') });
  });
});
