import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { NODE_ICON_STROKES } from '@/components/editor/node-icon-image';
import { launchBrowser, screenshotPath } from '../support/browser';
import { flowNode as node, openEditor, screenshotOnFailure } from '../support/editor-page';
import { apiFetch } from '../support/api';

async function drop(page: Page, type: string, at: { x: number; y: number }) {
  await page.locator(`[data-node-type="${type}"]`).dragTo(page.locator('.react-flow__pane'), { targetPosition: at });
}

/**
 * Drags from a source handle to a target handle until the edge is drawn: under load the view can
 * still be settling from a fit when the pointer goes down, so a drag that found no handle is retried
 * from freshly measured positions.
 */
async function connect(page: Page, from: string, handle: string, to: string) {
  const edge = page.locator(`.react-flow__edge[data-id="${from}:${handle}->${to}"]`);
  for (let attempt = 1; ; attempt++) {
    const source = (await node(page, from)
      .locator(`.react-flow__handle.source[data-handleid="${handle}"]`)
      .boundingBox())!;
    const target = (await node(page, to).locator('.react-flow__handle.target').boundingBox())!;
    await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
    await page.mouse.down();
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 8 });
    await page.mouse.up();
    const drawn = await edge.waitFor({ timeout: 3_000 }).then(
      () => true,
      () => false,
    );
    if (drawn) return;
    if (attempt === 3) throw new Error(`no edge ${from}:${handle}->${to} after ${attempt} drags`);
  }
}

/**
 * Selects a node and waits for the inspector to show it: under load the view can still be
 * moving from a fit when the click lands, so a click that selected nothing is made again.
 */
async function inspect(page: Page, nodeId: string) {
  const inspector = page.getByRole('complementary', { name: 'Node properties' });
  for (let attempt = 1; ; attempt++) {
    await node(page, nodeId).click();
    const shown = await inspector
      .getByText(new RegExp(`^${nodeId} · `))
      .waitFor({ timeout: 3_000 })
      .then(
        () => true,
        () => false,
      );
    if (shown) return;
    if (attempt === 3) throw new Error(`the inspector did not show node ${nodeId} after ${attempt} clicks`);
  }
}

/** Types into a CodeMirror field of the inspector, named by its label, replacing what it held. */
async function typeInto(page: Page, label: string, text: string) {
  const field = page.getByRole('textbox', { name: label, exact: true });
  await field.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

describe('building a workflow on the canvas', () => {
  let browser: Browser;
  let page: Page;
  let id = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    const response = await apiFetch('/api/workflows', {
      method: 'POST',
      body: JSON.stringify({ name: 'Drawn by hand' }),
    });
    id = (await response.json()).id;
    page = await openEditor(browser, id);
  });
  afterAll(async () => {
    await browser?.close();
  });
  screenshotOnFailure(() => page);

  it('refuses to publish an unfinished graph and marks the node at fault', async () => {
    await drop(page, 'trigger.manual', { x: 120, y: 220 });
    await drop(page, 'data.transform', { x: 380, y: 220 });
    await node(page, 'transform').waitFor();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('button', { name: 'Publish version' }).click();
    await page.getByRole('status').filter({ hasText: 'The definition cannot be published' }).waitFor();
    await node(page, 'transform')
      .getByText(/config\.expression/)
      .waitFor();
    await page.screenshot({ path: screenshotPath('editor-publish-refused') });
  });

  it('builds four nodes with the palette and the inspector, publishes, runs and lights every node up', async () => {
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page.keyboard.press('Escape');
    await drop(page, 'logic.if', { x: 600, y: 420 });
    await page.keyboard.press('Escape');
    await drop(page, 'flow.output', { x: 840, y: 560 });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await node(page, 'output').waitFor();
    // The view fits the laid-out graph on the next frame.
    await page.evaluate(
      () =>
        new Promise((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(resolve))),
        ),
    );
    await connect(page, 'manual', 'out', 'transform');
    await connect(page, 'transform', 'out', 'if');
    await connect(page, 'if', 'true', 'output');
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await page.evaluate(
      () =>
        new Promise((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(resolve))),
        ),
    );

    await inspect(page, 'transform');
    await typeInto(page, 'Expression', '{ "doubled": input.x * 2 }');
    await inspect(page, 'if');
    await page.getByRole('button', { name: '{{ }}' }).first().click();
    await typeInto(page, 'Condition', '{{ nodes.transform.output.doubled > 10 }}');
    await inspect(page, 'output');
    await typeInto(page, 'Value', '"{{ nodes.transform.output.doubled }}"');
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.screenshot({ path: screenshotPath('editor-built') });

    const draft = await (await apiFetch(`/api/workflows/${id}/draft`)).json();
    expect(draft.definition.edges.map((edge: { id: string }) => edge.id)).toEqual([
      'if:true->output',
      'manual:out->transform',
      'transform:out->if',
    ]);
    expect(draft.definition.nodes.map((n: { id: string; config: unknown }) => [n.id, n.config])).toEqual([
      ['if', { condition: '{{ nodes.transform.output.doubled > 10 }}' }],
      ['manual', {}],
      ['output', { value: '{{ nodes.transform.output.doubled }}' }],
      ['transform', { expression: '{ "doubled": input.x * 2 }' }],
    ]);

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByLabel('What changed? (optional)').fill('First drawn version');
    await page.getByRole('button', { name: 'Publish version' }).click();
    await page.getByRole('status').filter({ hasText: 'Published version 1.' }).waitFor();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByLabel('Input (JSON)').fill('{ "x": 21 }');
    // The draft runs by default: here it is what was just published.
    expect(await page.getByLabel('What to run').inputValue()).toBe('draft');
    await page.screenshot({ path: screenshotPath('editor-run-dialog') });
    await page.getByRole('button', { name: 'Start run' }).click();
    for (const nodeId of ['manual', 'transform', 'if', 'output']) {
      await page.locator(`.react-flow__node[data-id="${nodeId}"] [data-run-status="SUCCEEDED"]`).waitFor();
    }
    await page.getByText('Run: succeeded').waitFor();
    await page.screenshot({ path: screenshotPath('editor-run-succeeded') });
    const runs = await (await apiFetch(`/api/runs?workflowId=${id}`)).json();
    const run = await (await apiFetch(`/api/runs/${runs.items[0].id}`)).json();
    expect(run).toMatchObject({ status: 'SUCCEEDED', output: 42, version: null });
  });

  it('draws node icons in the theme’s primary colour, dark and light', async () => {
    const icon = page.locator('.react-flow__node[data-id="if"] [data-node-icon]');
    const stroke = () => icon.evaluate((element) => getComputedStyle(element).backgroundImage);
    expect(await icon.getAttribute('data-node-icon')).toBe('split');
    expect(await stroke()).toContain(encodeURIComponent(`stroke="${NODE_ICON_STROKES.dark}"`));
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    await page.waitForFunction(() => document.documentElement.classList.contains('light'));
    expect(await stroke()).toContain(encodeURIComponent(`stroke="${NODE_ICON_STROKES.light}"`));
    await page.screenshot({ path: screenshotPath('editor-light') });
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.waitForFunction(() => document.documentElement.classList.contains('dark'));
  });
});
