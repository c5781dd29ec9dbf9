import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { openEditor, screenshotOnFailure } from '../support/editor-page';
import { apiFetch } from '../support/api';

async function createWorkflow(name: string): Promise<string> {
  const response = await apiFetch('/api/workflows', { method: 'POST', body: JSON.stringify({ name }) });
  expect(response.status).toBe(201);
  return (await response.json()).id;
}

describe("the editor's workflow settings", () => {
  let browser: Browser;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  screenshotOnFailure(() => page);

  it('choose the error workflow, the run timeout and the runs at once, refusing a bad number by name', async () => {
    const handlerId = await createWorkflow('Page the on-call person');
    const id = await createWorkflow('Nightly export');
    page = await openEditor(browser, id);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Workflow settings' });
    await dialog.getByRole('option', { name: 'Page the on-call person (not published yet)' }).waitFor({
      state: 'attached',
    });
    await dialog.getByLabel('Error workflow').selectOption(handlerId);
    await dialog.getByLabel('Run timeout (seconds)').fill('0');
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    expect(await dialog.getByRole('alert').textContent()).toBe(
      'Run timeout (seconds): a whole number from 1 up, or empty',
    );

    await dialog.getByLabel('Run timeout (seconds)').fill('90');
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await dialog.getByLabel('Runs at once').fill('3');
    await page.screenshot({ path: screenshotPath('editor-workflow-settings') });
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await (await apiFetch(`/api/workflows/${id}/draft`)).json()).definition.settings)
      .toEqual({ errorWorkflowId: handlerId, timeoutMs: 90_000, concurrencyLimit: 3 });

    // Reopened, the dialog shows what the draft holds.
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    expect(await dialog.getByLabel('Run timeout (seconds)').inputValue()).toBe('90');
    expect(await dialog.getByLabel('Runs at once').inputValue()).toBe('3');
  });
});
