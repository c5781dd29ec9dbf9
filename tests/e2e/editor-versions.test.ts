import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { flowNode as node, openEditor, screenshotOnFailure } from '../support/editor-page';
import { apiFetch } from '../support/api';

const manual = { id: 'manual', type: 'trigger.manual', position: { x: 0, y: 0 } };
const transform = (expression: string) => ({
  id: 'transform',
  type: 'data.transform',
  position: { x: 260, y: 0 },
  config: { expression },
});
const output = { id: 'output', type: 'flow.output', position: { x: 520, y: 0 }, config: { value: '{{ input }}' } };
const extra = { id: 'extra', type: 'data.transform', position: { x: 520, y: 160 }, config: { expression: '1' } };

const first = {
  nodes: [manual, transform('{ "a": 1 }'), output],
  edges: [
    { source: 'manual', target: 'transform' },
    { source: 'transform', target: 'output' },
  ],
};
const second = {
  nodes: [manual, transform('{ "a": 2 }'), extra],
  edges: [
    { source: 'manual', target: 'transform' },
    { source: 'transform', target: 'extra' },
  ],
};
const draft = { ...second, nodes: [manual, transform('{ "a": 3 }'), extra] };

async function putDraft(id: string, definition: unknown) {
  const response = await apiFetch(`/api/workflows/${id}/draft`, {
    method: 'PUT',
    body: JSON.stringify({ definition }),
  });
  expect(response.status).toBe(200);
}

async function publishDraft(id: string, message: string) {
  const response = await apiFetch(`/api/workflows/${id}/versions`, {
    method: 'POST',
    body: JSON.stringify({ message }),
  });
  expect(response.status).toBe(201);
}

const readDraft = async (id: string) => (await apiFetch(`/api/workflows/${id}/draft`)).json();
const configs = async (id: string) =>
  (await readDraft(id)).definition.nodes.map((n: { id: string; config: unknown }) => [n.id, n.config]);

/** Renames the workflow from the page and waits until the server has it: every earlier edit from the page has arrived too. */
async function flushEdits(page: Page, id: string, name: string) {
  await page.getByLabel('Workflow name').fill(name);
  await page.getByLabel('Workflow name').press('Tab');
  await expect.poll(async () => (await readDraft(id)).name, { timeout: 15_000 }).toBe(name);
}

describe('the versions panel', () => {
  let browser: Browser;
  let page: Page;
  let id = '';

  beforeAll(async () => {
    const created = await apiFetch('/api/workflows', { method: 'POST', body: JSON.stringify({ name: 'Versioned' }) });
    id = (await created.json()).id;
    await putDraft(id, first);
    await publishDraft(id, 'First cut');
    await putDraft(id, second);
    await publishDraft(id, '');
    await putDraft(id, draft);
    browser = await launchBrowser();
    page = await openEditor(browser, id, { width: 1440, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
  });
  screenshotOnFailure(() => page);

  it('lists each version with its message and publisher, newest first', async () => {
    const listed = await (await apiFetch(`/api/workflows/${id}/versions`)).json();
    expect(listed.items.map((v: { version: number; message: string; publishedBy: string }) => v)).toMatchObject([
      { version: 2, message: '', publishedBy: 'Test Owner' },
      { version: 1, message: 'First cut', publishedBy: 'Test Owner' },
    ]);

    await page.getByRole('button', { name: 'Versions' }).click();
    const rows = page.getByTestId('version-row');
    await rows.nth(1).waitFor();
    const lines = (await rows.allInnerTexts()).map((text) => text.split('\n').filter(Boolean));
    const actions = ['View', 'Diff with draft', 'Restore'];
    expect(lines).toEqual([
      ['Version 2', expect.stringMatching(/ ago$/), 'No message', 'by Test Owner', ...actions],
      ['Version 1', expect.stringMatching(/ ago$/), 'First cut', 'by Test Owner', ...actions],
    ]);
  });

  it('opens a version read-only on the canvas', async () => {
    await page.getByTestId('version-row').nth(1).getByRole('button', { name: 'View' }).click();
    await page.getByTestId('view-banner').filter({ hasText: 'Viewing version 1, read-only.' }).waitFor();
    await node(page, 'output').waitFor();
    expect(await node(page, 'extra').count()).toBe(0);
    await node(page, 'transform').click();
    const expression = page.getByRole('textbox', { name: 'Expression', exact: true });
    expect(await expression.innerText()).toBe('{ "a": 1 }');
    expect(await expression.getAttribute('contenteditable')).toBe('false');
    await page.keyboard.press('Delete');
    await page.screenshot({ path: screenshotPath('editor-version-view') });
    await flushEdits(page, id, 'Versioned, renamed');
    expect(await configs(id)).toEqual([
      ['extra', { expression: '1' }],
      ['manual', {}],
      ['transform', { expression: '{ "a": 3 }' }],
    ]);
  });

  it('diffs two versions on the canvas and lists each changed field', async () => {
    await page.getByLabel('Compare from').selectOption('1');
    await page.getByLabel('Compare to').selectOption('2');
    await page.getByRole('button', { name: 'Compare' }).click();
    await page
      .getByTestId('view-banner')
      .filter({ hasText: 'Comparing version 1 with version 2: nodes 1 added, 1 removed, 1 changed.' })
      .waitFor();
    expect(await node(page, 'extra').locator('[data-diff]').getAttribute('data-diff')).toBe('added');
    expect(await node(page, 'output').locator('[data-diff]').getAttribute('data-diff')).toBe('removed');
    expect(await node(page, 'transform').locator('[data-diff]').getAttribute('data-diff')).toBe('changed');
    expect(await node(page, 'manual').locator('[data-testid="flow-node"]').getAttribute('data-diff')).toBe(null);
    expect(await page.getByRole('list', { name: 'Changes' }).innerText()).toBe(
      [
        'Added extra',
        'Removed output',
        'Changed transform',
        'config.expression: "{ "a": 1 }" "{ "a": 2 }"',
        'Connected transform → extra',
        'Disconnected transform → output',
      ].join('\n'),
    );
    await page.screenshot({ path: screenshotPath('editor-version-diff') });
  });

  it('diffs a version against the live draft', async () => {
    await page.getByTestId('version-row').first().getByRole('button', { name: 'Diff with draft' }).click();
    await page
      .getByTestId('view-banner')
      .filter({ hasText: 'Comparing version 2 with the draft: nodes 1 changed.' })
      .waitFor();
    await putDraft(id, { ...draft, nodes: [...draft.nodes, { ...output, position: { x: 780, y: 0 } }] });
    await page
      .getByTestId('view-banner')
      .filter({ hasText: 'Comparing version 2 with the draft: nodes 1 added, 1 changed.' })
      .waitFor();
  });

  it('restores a version into the draft, and undo takes it back', async () => {
    await page.getByTestId('version-row').nth(1).getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('status').filter({ hasText: 'Restored version 1 into the draft.' }).waitFor();
    expect(await page.getByTestId('view-banner').count()).toBe(0);
    await node(page, 'output').waitFor();
    await node(page, 'extra').waitFor({ state: 'detached' });
    expect(await configs(id)).toEqual([
      ['manual', {}],
      ['output', { value: '{{ input }}' }],
      ['transform', { expression: '{ "a": 1 }' }],
    ]);
    // The restored graph is valid again: the problem the draft had goes once it is validated anew.
    await node(page, 'output').getByText('cannot be reached').waitFor({ state: 'detached' });
    await page.screenshot({ path: screenshotPath('editor-version-restored') });

    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+Z');
    await node(page, 'extra').waitFor();
    expect(await configs(id)).toEqual([
      ['extra', { expression: '1' }],
      ['manual', {}],
      ['output', { value: '{{ input }}' }],
      ['transform', { expression: '{ "a": 3 }' }],
    ]);
  });
});
