import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, ownerPage, screenshotPath } from '../support/browser';
import { apiFetch } from '../support/api';

describe('settings pages', () => {
  let browser: Browser;
  let page: Page;
  const webUrl = inject('platform').webUrl;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await ownerPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates an API key shown once, which then works, and revokes it', async () => {
    await page.goto(`${webUrl}/settings/api-keys`);
    const name = `ui key ${randomUUID().slice(0, 6)}`;
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Role').selectOption('VIEWER');
    await page.getByRole('button', { name: 'Create key' }).click();
    const key = (await page.locator('[data-api-key]').textContent())!.trim();
    expect(key).toMatch(/^fo_/);
    await page.screenshot({ path: screenshotPath('settings-api-keys') });
    expect((await fetch(`${webUrl}/api/nodes`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);

    await page.reload();
    expect(await page.content()).not.toContain(key);
    const row = page.getByRole('row', { name: new RegExp(name) });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('revoked').waitFor();
    expect((await fetch(`${webUrl}/api/nodes`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(401);
  });

  it('stores a credential from a form generated from its type, never showing the secret again', async () => {
    await page.goto(`${webUrl}/settings/credentials`);
    const secret = `s3cret-${randomUUID()}`;
    const name = `ui credential ${randomUUID().slice(0, 6)}`;
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Type').selectOption('basic');
    await page.getByLabel('username').fill('robot');
    expect(await page.getByLabel('password').getAttribute('type')).toBe('password');
    await page.getByLabel('password').fill(secret);
    await page.getByRole('button', { name: 'Save credential' }).click();
    await page.getByRole('row', { name: new RegExp(name) }).waitFor();
    expect(await page.content()).not.toContain(secret);
    await page.screenshot({ path: screenshotPath('settings-credentials') });

    // The same name again is refused in the form with the API's reason, not an error page.
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Type').selectOption('bearer');
    await page.getByLabel('token').fill('another-token');
    await page.getByRole('button', { name: 'Save credential' }).click();
    await page.getByText('One with this name already exists').waitFor();
    expect(await page.getByRole('row', { name: new RegExp(name) }).count()).toBe(1);

    // Its own page renames it and tests it; the value is never filled in.
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { name }).waitFor();
    expect(await page.getByLabel('password').inputValue()).toBe('');
    expect(await page.content()).not.toContain(secret);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page
      .getByRole('status')
      .getByText(/give a URL/)
      .waitFor();
    await page.getByLabel('Name', { exact: true }).fill(`${name} renamed`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved.').waitFor();
    await page.screenshot({ path: screenshotPath('settings-credential-detail') });
    await page.goto(`${webUrl}/settings/credentials`);
    await page.getByRole('row', { name: new RegExp(`${name} renamed`) }).waitFor();
  });

  it('lists audit events, filtered by action', async () => {
    await page.goto(`${webUrl}/settings/audit?action=credential.create`);
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    const actions = await page.locator('tbody td:nth-child(2)').allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((action) => action.startsWith('credential.create'))).toBe(true);
    await page.screenshot({ path: screenshotPath('settings-audit') });
  });

  it('edits the outbound allowlist, refusing an entry that is no host or range', async () => {
    await page.goto(`${webUrl}/settings/network`);
    const entries = page.getByLabel('Allowed hosts and ranges, one per line');
    await entries.fill('10.20.0.0/16\nnot a host!');
    await page.getByRole('button', { name: 'Save allowlist' }).click();
    await page.getByText('"not a host!" is not a host name').waitFor();
    await entries.fill('10.20.0.0/16\ngit.corp.example');
    await page.getByRole('button', { name: 'Save allowlist' }).click();
    await page.getByText('Saved.').waitFor();
    await page.screenshot({ path: screenshotPath('settings-network') });
    const saved = await (await apiFetch('/api/outbound-allowlist')).json();
    expect(saved).toEqual({ entries: ['10.20.0.0/16', 'git.corp.example'] });
    await apiFetch('/api/outbound-allowlist', { method: 'PUT', body: JSON.stringify({ entries: [] }) });
  });
});
