import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { signUp } from '@/lib/auth/accounts';
import { db } from '@/lib/db/client';
import { pruneExpired } from '@/lib/retention/prune';
import { browserForSuite, screenshotPath } from '../support/browser';
import { minutesAgo, seedWorkflowRuns } from '../support/dashboard-seed';
import { signInOverHttp } from '../support/sign-in';
import { TestServer, type SeenRequest } from '../support/test-server';

const DAY = 24 * 60;

describe('retention and alert settings', () => {
  const browser = browserForSuite();
  const { webUrl } = inject('platform');
  const server = new TestServer();
  let stubUrl: string;
  let context: BrowserContext;
  let page: Page;
  let orgId: string;

  beforeAll(async () => {
    stubUrl = await server.start();
    // A fresh account, so its org holds exactly the runs below.
    const email = `retention-${randomUUID()}@example.test`;
    const password = 'retention password 12345';
    const { org } = await signUp({ name: 'Rita Retention', email, password });
    orgId = org.id;
    const now = Date.now();
    const { runIds } = await seedWorkflowRuns(
      orgId,
      'Nightly export',
      [{ id: 'start', type: 'trigger.manual' }],
      [
        { status: 'SUCCEEDED', at: minutesAgo(now, 100 * DAY), durationMs: 1000 },
        { status: 'FAILED', at: minutesAgo(now, 5), durationMs: 1000 },
      ],
    );
    await db().runLog.create({
      data: { orgId, runId: runIds[0], level: 'INFO', message: 'long ago', ts: minutesAgo(now, 100 * DAY) },
    });
    const cookie = await signInOverHttp(webUrl, email, password);
    context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const [name, value] = cookie.split(/=(.*)/s, 2);
    await context.addCookies([{ name, value, url: webUrl, httpOnly: true, sameSite: 'Lax' }]);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await server.stop();
  });

  it('shows the last prune on the dashboard and the retention page, where an admin sets the periods', async () => {
    const [pruned] = (await pruneExpired()).filter((prune) => prune.orgId === orgId);
    expect([pruned.runs, pruned.logs]).toEqual([1, 1]);

    await page.goto(`${webUrl}/dashboard`);
    const line = page.getByTestId('last-prune');
    await line.waitFor();
    expect(await line.textContent()).toMatch(
      /^Retention last pruned .+ UTC: 1 run and 1 log line\. Retention settings$/,
    );
    await line.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('dashboard-last-prune') });

    await page.getByRole('link', { name: 'Retention settings' }).click();
    await page.waitForURL(/\/settings\/retention$/);
    expect(await page.getByLabel('Keep ended runs (days)').inputValue()).toBe('90');
    expect(await page.getByLabel('Keep log lines (days)').inputValue()).toBe('30');
    expect(await page.getByTestId('last-prune').textContent()).toMatch(/^Last pruned .+ UTC: 1 run and 1 log line\.$/);

    await page.getByLabel('Keep ended runs (days)').fill('60');
    await page.getByLabel('Keep log lines (days)').fill('70');
    await page.getByRole('button', { name: 'Save retention' }).click();
    await page
      .getByText("logDays: logDays must not exceed runDays: a run's log lines are deleted with the run")
      .waitFor();
    await page.getByLabel('Keep log lines (days)').fill('20');
    await page.getByRole('button', { name: 'Save retention' }).click();
    await page.getByText('Saved.').waitFor();
    await page.screenshot({ path: screenshotPath('settings-retention') });
    await page.reload();
    expect(await page.getByLabel('Keep ended runs (days)').inputValue()).toBe('60');
    expect(await page.getByLabel('Keep log lines (days)').inputValue()).toBe('20');
  });

  it('adds an alert rule, shows its secret once, and lists its firing', async () => {
    const delivered = new Promise<SeenRequest>((resolve) =>
      server.on('/hooks/alerts', (request) => {
        resolve(request);
        return {};
      }),
    );
    await page.goto(`${webUrl}/settings/alerts`);
    await page.getByLabel('Name').fill('Exports failing');
    await page.getByLabel('When').selectOption('success_rate_below');
    await page.getByLabel('Threshold (%)').fill('99');
    // The outbound guard refuses this machine's own address; what was typed stays to be corrected.
    await page.getByLabel('Webhook URL').fill('http://127.0.0.1:9/hooks');
    await page.getByRole('button', { name: 'Add alert' }).click();
    await page
      .getByText(/^webhookUrl: Outbound request to 127\.0\.0\.1 blocked: 127\.0\.0\.1 is a loopback address/)
      .waitFor();
    expect(await page.getByLabel('Name').inputValue()).toBe('Exports failing');
    expect(await page.getByLabel('Threshold (%)').inputValue()).toBe('99');
    await page.getByLabel('Webhook URL').fill(`${stubUrl}/hooks/alerts`);
    await page.getByRole('button', { name: 'Add alert' }).click();
    const secret = (await page.locator('[data-alert-secret]').textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    expect(await page.getByLabel('Name').inputValue()).toBe('');
    await page
      .getByRole('row', { name: /Exports failing/ })
      .first()
      .waitFor();
    await page.screenshot({ path: screenshotPath('settings-alerts-created') });

    // The worker measures rules every second in tests: 1 of 1 run failed in the last hour.
    expect(JSON.parse((await delivered).body)).toMatchObject({ state: 'firing', value: 0 });
    await page.reload();
    expect(await page.content()).not.toContain(secret);
    const history = page.getByTestId('alert-history');
    await history.getByText('Success rate 0% over the last 60 minutes (0 succeeded, 1 failed)').waitFor();
    expect(
      await page
        .getByRole('row', { name: /Exports failing/ })
        .first()
        .textContent(),
    ).toContain('firing');
    await page.screenshot({ path: screenshotPath('settings-alerts-history'), fullPage: true });
  });
});
