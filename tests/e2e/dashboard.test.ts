import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signUp } from '@/lib/auth/accounts';
import { browserForSuite, screenshotPath } from '../support/browser';
import { minutesAgo, seedWorkflowRuns } from '../support/dashboard-seed';
import { signInOverHttp } from '../support/sign-in';

const chartText = (page: Page, testId: string) => page.getByTestId(testId).textContent();

describe('dashboard', () => {
  const browser = browserForSuite();

  it('charts the runs of the chosen range, and switching the range redraws them', async () => {
    // A fresh account, so its org holds exactly the runs below.
    const email = `dashboard-${randomUUID()}@example.test`;
    const password = 'dashboard password 12345';
    const { org } = await signUp({ name: 'Dana Dashboard', email, password });
    const now = Date.now();
    const lastHour = minutesAgo(now, 10);
    const fetched = (durationMs: number) => ({ nodeId: 'fetch', status: 'SUCCEEDED' as const, durationMs });
    await seedWorkflowRuns(
      org.id,
      'Invoice sync',
      [
        { id: 'start', type: 'trigger.manual' },
        { id: 'fetch', type: 'http.request' },
      ],
      [
        { status: 'SUCCEEDED', at: lastHour, durationMs: 100, steps: [fetched(10)] },
        { status: 'SUCCEEDED', at: lastHour, durationMs: 200, steps: [fetched(20)] },
        { status: 'SUCCEEDED', at: lastHour, durationMs: 300, steps: [fetched(30)] },
        { status: 'SUCCEEDED', at: lastHour, durationMs: 400, steps: [fetched(40)] },
        {
          status: 'FAILED',
          at: lastHour,
          durationMs: 500,
          steps: [{ nodeId: 'fetch', status: 'FAILED', durationMs: 50, errorType: 'HttpError' }],
        },
        { status: 'SUCCEEDED', at: minutesAgo(now, 3 * 24 * 60), durationMs: 9000 },
      ],
    );

    const { webUrl } = inject('platform');
    const cookie = await signInOverHttp(webUrl, email, password);
    const context = await browser().newContext({ viewport: { width: 1280, height: 2200 } });
    const [name, value] = cookie.split(/=(.*)/s, 2);
    await context.addCookies([{ name, value, url: webUrl, httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();

    await page.goto(`${webUrl}/dashboard?range=1h`);
    // Labels on the bars are drawn once recharts has measured its container.
    await page.getByTestId('chart-run-latency').getByText('480 ms').waitFor();
    const latency = await chartText(page, 'chart-run-latency');
    expect(latency).toContain('300 ms');
    expect(latency).toContain('496 ms');
    expect(await chartText(page, 'chart-success-rate')).toContain('Success rate: 80.0%');
    expect(await chartText(page, 'chart-failures-error-type')).toContain('HttpError');
    expect(await chartText(page, 'chart-failures-node-type')).toContain('http.request');
    expect(await chartText(page, 'chart-node-latency')).toContain('48 ms');
    expect(await page.getByTestId('chart-throughput').locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    // 1 failure in 5 over the last hour against a 0.05% allowance: 400 times the sustainable burn.
    expect(await page.getByTestId('burn-rate-1h').textContent()).toContain('400.0×');
    await page.screenshot({ path: screenshotPath('dashboard-1h'), fullPage: true });

    await page.getByRole('link', { name: '7 d' }).click();
    await page.waitForURL(/range=7d/);
    // 100…500 and 9000: P95 lies three quarters of the way from 500 to 9000.
    await page.getByTestId('chart-run-latency').getByText('6.9 s').waitFor();
    expect(await chartText(page, 'chart-run-latency')).toContain('350 ms');
    expect(await chartText(page, 'chart-success-rate')).toContain('Success rate: 83.3%');
    expect(await chartText(page, 'chart-slowest-workflows')).toContain('Invoice sync');
    await page.screenshot({ path: screenshotPath('dashboard-7d'), fullPage: true });
    await context.close();
  });
});
