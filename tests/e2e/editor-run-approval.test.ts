import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { flowNode as node, openEditor, screenshotOnFailure } from '../support/editor-page';
import { apiFetch } from '../support/api';

const definition = {
  nodes: [
    { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 } },
    { id: 'review', type: 'human.approval', position: { x: 260, y: 0 }, config: { message: 'Ship it?' } },
    { id: 'shipped', type: 'flow.output', position: { x: 560, y: 0 }, config: { value: 'shipped' } },
  ],
  edges: [
    { source: 'start', target: 'review' },
    { source: 'review', sourceHandle: 'approved', target: 'shipped' },
  ],
};

describe('running from the canvas', () => {
  let browser: Browser;
  let page: Page;
  let id = '';

  beforeAll(async () => {
    const created = await apiFetch('/api/workflows', { method: 'POST', body: JSON.stringify({ name: 'Ship' }) });
    id = (await created.json()).id;
    const put = await apiFetch(`/api/workflows/${id}/draft`, { method: 'PUT', body: JSON.stringify({ definition }) });
    expect(put.status).toBe(200);
    const published = await apiFetch(`/api/workflows/${id}/versions`, { method: 'POST' });
    expect(published.status).toBe(201);
    browser = await launchBrowser();
    page = await openEditor(browser, id, { width: 1280, height: 800 });
  });
  afterAll(async () => {
    await browser?.close();
  });
  screenshotOnFailure(() => page);

  it("completes the fields of an earlier node's output from its type", async () => {
    await node(page, 'shipped').click();
    const value = page.getByRole('textbox', { name: 'Value', exact: true });
    await value.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('{{ nodes.review.output.');
    await page.keyboard.type('d');
    const options = page.locator('.cm-tooltip-autocomplete .cm-completionLabel');
    await options.first().waitFor();
    expect((await options.allInnerTexts()).sort()).toEqual(['decidedAt', 'decision']);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Z');
  });

  it('shows a node dropped at the right edge beside the inspector, not under it', async () => {
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page
      .locator('[data-node-type="data.transform"]')
      .dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: pane.width - 60, y: 300 } });
    const inspector = page.getByRole('complementary', { name: 'Node properties' });
    await inspector.getByText('data.transform').waitFor();
    const dropped = page.locator('.react-flow__node.selected');
    // The canvas pans once the inspector has narrowed it.
    await expect
      .poll(async () => {
        const box = (await dropped.boundingBox())!;
        return box.x + box.width <= (await inspector.boundingBox())!.x;
      })
      .toBe(true);
    await page.screenshot({ path: screenshotPath('editor-drop-beside-inspector') });
    await page.keyboard.press('Delete');
    await dropped.waitFor({ state: 'detached' });
  });

  it('lights the run up live, decides the approval in place, and links to the run', async () => {
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('button', { name: 'Start run' }).click();
    await node(page, 'review').locator('[data-run-status="WAITING"]').waitFor();
    expect(await node(page, 'start').locator('[data-testid="flow-node"]').getAttribute('data-run-status')).toBe(
      'SUCCEEDED',
    );
    await page.screenshot({ path: screenshotPath('editor-approval-waiting') });
    await node(page, 'review').getByRole('button', { name: 'Approve' }).click();
    await node(page, 'shipped').locator('[data-run-status="SUCCEEDED"]').waitFor();
    await page.getByText('Run: succeeded').waitFor();
    expect(await node(page, 'review').getByRole('button', { name: 'Approve' }).count()).toBe(0);

    const runs = await (await apiFetch(`/api/runs?workflowId=${id}`)).json();
    const run = await (await apiFetch(`/api/runs/${runs.items[0].id}`)).json();
    expect(run).toMatchObject({ status: 'SUCCEEDED', output: 'shipped' });
    expect(await page.getByRole('link', { name: 'Run: succeeded' }).getAttribute('href')).toBe(`/runs/${run.id}`);
  });
});
