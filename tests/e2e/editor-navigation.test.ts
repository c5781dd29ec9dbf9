import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, ownerPage, screenshotPath } from '../support/browser';
import { flowNode as node, openEditor, screenshotOnFailure } from '../support/editor-page';
import { apiFetch } from '../support/api';

const ROW_LENGTH = 60;

/** A trigger and a long row of transforms: far wider than the screen even at the smallest zoom. */
const longRow = {
  nodes: Array.from({ length: ROW_LENGTH }, (_, index) =>
    index === 0
      ? { id: 'n0', type: 'trigger.manual', position: { x: 0, y: 0 } }
      : { id: `n${index}`, type: 'data.transform', position: { x: index * 320, y: 0 }, config: { expression: '1' } },
  ),
  edges: Array.from({ length: ROW_LENGTH - 1 }, (_, index) => ({ source: `n${index}`, target: `n${index + 1}` })),
};

async function createWorkflow(body: object): Promise<string> {
  const response = await apiFetch('/api/workflows', { method: 'POST', body: JSON.stringify(body) });
  expect(response.status).toBe(201);
  return (await response.json()).id;
}

/** Whether a node's box overlaps the canvas's box on screen. */
async function onScreen(page: Page, id: string): Promise<boolean> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const box = await node(page, id).boundingBox();
  if (!box) return false;
  return box.x + box.width > pane.x && box.x < pane.x + pane.width;
}

const viewportScale = (page: Page) =>
  page
    .locator('.react-flow__viewport')
    .evaluate((element) => Number(/scale\(([\d.]+)\)/.exec((element as HTMLElement).style.transform)?.[1]));

describe('the editor canvas', () => {
  let browser: Browser;
  const pages: Page[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  screenshotOnFailure(() => pages.at(-1));

  it('draws the stored draft before its live connection has synced, and allows no edit until then', async () => {
    const templates = await (await apiFetch('/api/workflow-templates')).json();
    const template = templates.items.find((item: { id: string }) => item.id === 'http-branch');
    const id = await createWorkflow({ name: 'Drawn from the page', templateId: 'http-branch' });
    const page = await ownerPage(browser, { width: 1440, height: 900 });
    pages.push(page);
    // The collab server stays out of reach until the test lets it in.
    let reachable = false;
    await page.routeWebSocket(/./, (socket) => {
      if (reachable) socket.connectToServer();
      else socket.close();
    });
    await page.goto(`${inject('platform').webUrl}/workflows/${id}`);

    for (const { id: nodeId } of template.definition.nodes) await node(page, nodeId).waitFor();
    expect(await page.locator('.react-flow__node').count()).toBe(template.definition.nodes.length);
    expect(await page.getByTestId('connection-state').textContent()).toMatch(
      /^(Connecting…|Offline: edits are kept and merge on reconnect)$/,
    );
    expect(await page.getByRole('button', { name: 'Manual trigger' }).isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('editor-stored-draft-offline') });

    reachable = true;
    await page.getByTestId('connection-state').filter({ hasText: 'Live' }).waitFor();
    expect(await page.getByRole('button', { name: 'Manual trigger' }).isDisabled()).toBe(false);
    // The state the page brought is nobody's edit: an undo right away takes nothing away. The
    // node added next is drawn after anything the undo would have removed.
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Control+z');
    await page.getByRole('button', { name: 'Manual trigger' }).click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(template.definition.nodes.length + 1);
    for (const { id: nodeId } of template.definition.nodes) expect(await node(page, nodeId).count()).toBe(1);
  });

  it('moves the view to where the minimap is clicked or dragged, and zooms when it is wheeled', async () => {
    const id = await createWorkflow({ name: 'A long row' });
    const put = await apiFetch(`/api/workflows/${id}/draft`, {
      method: 'PUT',
      body: JSON.stringify({ definition: longRow }),
    });
    expect(put.status).toBe(200);
    const page = await openEditor(browser, id);
    pages.push(page);
    const last = `n${ROW_LENGTH - 1}`;
    await node(page, last).waitFor({ state: 'attached' });
    expect(await onScreen(page, 'n0')).toBe(false);
    expect(await onScreen(page, last)).toBe(false);
    await page.screenshot({ path: screenshotPath('editor-minimap') });

    const map = (await page.getByTestId('minimap').boundingBox())!;
    const middle = map.y + map.height / 2;
    await page.mouse.click(map.x + map.width - 10, middle);
    await expect.poll(() => onScreen(page, last)).toBe(true);

    await page.mouse.move(map.x + map.width - 10, middle);
    await page.mouse.down();
    await page.mouse.move(map.x + 10, middle, { steps: 10 });
    await page.mouse.up();
    await expect.poll(() => onScreen(page, 'n0')).toBe(true);
    expect(await onScreen(page, last)).toBe(false);

    // The view opened at React Flow's smallest zoom, 0.5; one notch in is 2^0.2 times that.
    expect(await viewportScale(page)).toBe(0.5);
    await page.mouse.move(map.x + map.width / 2, middle);
    await page.mouse.wheel(0, -100);
    await expect.poll(() => viewportScale(page)).toBeCloseTo(0.5 * 2 ** 0.2, 4);
  });
});
