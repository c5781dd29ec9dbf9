import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForSuite, ownerPage, screenshotPath } from '../support/browser';
import { call } from '../support/workflow-api';

const editorUrl = (webUrl: string) => new RegExp(`^${webUrl}/workflows/([0-9a-f-]{36})$`);

const exportFile = (definition: unknown) =>
  Buffer.from(JSON.stringify({ format: 'floworchestrator.workflow', formatVersion: 1, name: 'Imported', definition }));

// The new-workflow page: a template or a file becomes a workflow that opens in the editor.
describe('new workflow page', () => {
  const webUrl = inject('platform').webUrl;
  const browser = browserForSuite();
  const created: string[] = [];
  let page: Page;

  beforeAll(async () => {
    page = await ownerPage(browser(), { width: 1280, height: 900 });
  });

  afterAll(async () => {
    await Promise.all(created.map((id) => call('DELETE', `/workflows/${id}`)));
  });

  async function landedWorkflowId(): Promise<string> {
    await page.waitForURL(editorUrl(webUrl));
    const id = editorUrl(webUrl).exec(page.url())![1];
    created.push(id);
    return id;
  }

  it('creates a workflow from a template under the name given, and opens it', async () => {
    await page.goto(`${webUrl}/workflows/new`);
    await page.getByRole('heading', { name: 'Start from a template' }).waitFor();
    expect(await page.getByRole('button', { name: /^Start from / }).count()).toBeGreaterThanOrEqual(5);
    await page.screenshot({ path: screenshotPath('new-workflow'), fullPage: true });

    await page.getByLabel('Name').fill('Deck summary');
    await page.getByRole('button', { name: 'Start from Fetch, reshape and branch' }).click();
    const id = await landedWorkflowId();
    const workflow = await call('GET', `/workflows/${id}`);
    expect(workflow.body).toMatchObject({ name: 'Deck summary', latestVersion: null });
    const draft = await call('GET', `/workflows/${id}/draft`);
    expect(draft.body.definition.nodes.map((node: { id: string }) => node.id)).toContain('summarize');
  });

  it('names the workflow after the template when the name is left empty', async () => {
    await page.goto(`${webUrl}/workflows/new`);
    await page.getByRole('button', { name: 'Start from Order saga with compensation' }).click();
    const id = await landedWorkflowId();
    expect((await call('GET', `/workflows/${id}`)).body.name).toBe('Order saga with compensation');
  });

  it('shows what is wrong with an imported file, naming the node', async () => {
    await page.goto(`${webUrl}/workflows/new`);
    await page.getByLabel('Workflow file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: exportFile({
        nodes: [
          { id: 'start', type: 'trigger.manual' },
          { id: 'mystery', type: 'nope.nothing' },
        ],
        edges: [{ source: 'start', target: 'mystery' }],
      }),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'nothing was imported' });
    await alert.getByText('Node "mystery": unknown node type "nope.nothing"').waitFor();
    expect(await alert.textContent()).toContain('broken.json');
    await page.screenshot({ path: screenshotPath('new-workflow-import-error'), fullPage: true });
  });

  it('imports a valid file as version 1 and lists it, its name linking to the editor', async () => {
    await page.getByLabel('Workflow file').setInputFiles({
      name: 'imported.json',
      mimeType: 'application/json',
      buffer: exportFile({
        nodes: [
          { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 } },
          { id: 'out', type: 'flow.output', config: { value: 'ok' }, position: { x: 260, y: 0 } },
        ],
        edges: [{ source: 'start', target: 'out' }],
      }),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const id = await landedWorkflowId();
    expect((await call('GET', `/workflows/${id}`)).body.latestVersion).toBe(1);

    await page.goto(webUrl);
    const link = page.getByRole('row', { name: /Imported/ }).getByRole('link', { name: 'Imported' });
    expect(await link.getAttribute('href')).toBe(`/workflows/${id}`);
    await page.screenshot({ path: screenshotPath('workflow-list'), fullPage: true });
  });
});
