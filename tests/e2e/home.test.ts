import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, ownerPage, screenshotPath } from '../support/browser';
import { db } from '@/lib/db/client';
import { ownerOrg } from '../support/api';

describe('home page', () => {
  let browser: Browser;
  let page: Page;
  const webUrl = inject('platform').webUrl;

  beforeAll(async () => {
    // Other test files publish workflows in the same default org; start from an empty list.
    await db().workflow.updateMany({ where: { orgId: ownerOrg().orgId }, data: { deletedAt: new Date() } });
    browser = await launchBrowser();
    page = await ownerPage(browser, { width: 1280, height: 800 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the empty workflow list inside the app shell', async () => {
    await page.goto(webUrl);
    await expect(page.getByRole('heading', { name: 'Workflows', level: 1 }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('No workflows yet').isVisible()).resolves.toBe(true);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Workflows',
      'Runs',
      'Schedules',
      'Events',
      'Dashboard',
      'Settings',
    ]);
    expect(await page.locator('html').getAttribute('class')).toContain('dark');
    await page.screenshot({ path: screenshotPath('home-empty') });
  });

  it('creates a workflow from the call to action, rejecting an empty name first', async () => {
    await page.getByRole('link', { name: 'New workflow' }).click();
    await page.waitForURL(`${webUrl}/workflows/new`);
    await page.getByRole('button', { name: 'Create workflow' }).click();
    await page.getByText('Give the workflow a name').waitFor();

    await page.getByLabel('Name').fill('Invoice approval');
    await page.getByLabel('Description').fill('Routes invoices over 10k to finance');
    await page.getByRole('button', { name: 'Create workflow' }).click();
    // The new workflow opens in the editor; the list has it too.
    await page.waitForURL(new RegExp(`^${webUrl}/workflows/[0-9a-f-]{36}$`));
    await page.goto(webUrl);
    const row = page.getByRole('row', { name: /Invoice approval/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Draft');
    await page.screenshot({ path: screenshotPath('home-list') });
  });

  it('switches to the light theme', async () => {
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    await page.waitForFunction(() => document.documentElement.classList.contains('light'));
    await page.screenshot({ path: screenshotPath('home-light') });
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  });

  it('shows every dependency up on the settings page', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByText('All systems up').waitFor();
    expect(await page.locator('[data-dependency]').count()).toBe(5);
    await page.screenshot({ path: screenshotPath('settings'), fullPage: true });
  });
});
