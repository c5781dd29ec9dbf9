import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchBrowser, ownerPage, screenshotPath } from '../support/browser';
import { flowNode as node, openEditor, screenshotOnFailure } from '../support/editor-page';
import { apiFetch } from '../support/api';

const definition = {
  nodes: [
    {
      id: 'tick',
      type: 'trigger.schedule',
      position: { x: 0, y: 0 },
      // Every day at 06:30 in Tokyo: a clock with no daylight saving time, so the times read the same all year.
      config: { cron: '30 6 * * *', timezone: 'Asia/Tokyo' },
    },
    { id: 'out', type: 'flow.output', position: { x: 260, y: 0 }, config: { value: '{{ input.scheduledAt }}' } },
  ],
  edges: [{ source: 'tick', target: 'out' }],
};

describe('schedules in the browser', () => {
  let browser: Browser;
  let page: Page | undefined;
  let id = '';
  const name = `Morning report ${Date.now()}`;

  beforeAll(async () => {
    const created = await apiFetch('/api/workflows', { method: 'POST', body: JSON.stringify({ name }) });
    id = (await created.json()).id;
    const published = await apiFetch(`/api/workflows/${id}/versions`, {
      method: 'POST',
      body: JSON.stringify({ definition }),
    });
    expect(published.status).toBe(201);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await apiFetch(`/api/workflows/${id}`, { method: 'DELETE' });
  });
  screenshotOnFailure(() => page);

  it("the schedule trigger's inspector shows the next 5 fire times and pauses and resumes the schedule", async () => {
    page = await openEditor(browser, id);
    await node(page, 'tick').click();
    const panel = page.getByRole('region', { name: 'Schedule' });
    const times = panel.getByRole('list', { name: 'Next fire times' }).getByRole('listitem');
    await times.first().waitFor();
    expect(await times.count()).toBe(5);
    for (const text of await times.allInnerTexts()) expect(text).toMatch(/06:30 GMT\+9$/);
    expect(await panel.locator('[data-schedule-state]').getAttribute('data-schedule-state')).toBe('active');
    await page.screenshot({ path: screenshotPath('editor-schedule') });

    await panel.getByRole('button', { name: 'Pause' }).click();
    await panel.locator('[data-schedule-state="paused"]').waitFor();
    await panel.getByRole('button', { name: 'Resume' }).waitFor();
    const shown = await (await apiFetch(`/api/workflows/${id}/schedule`)).json();
    expect(shown.state).toBe('paused');
    await page.screenshot({ path: screenshotPath('editor-schedule-paused') });

    await panel.getByRole('button', { name: 'Resume' }).click();
    await panel.locator('[data-schedule-state="active"]').waitFor();
    expect((await (await apiFetch(`/api/workflows/${id}/schedule`)).json()).state).toBe('active');
  });

  it('the schedules page lists it with its cron, time zone, next fire and state, and pauses it', async () => {
    page = await ownerPage(browser);
    await page.goto(`${inject('platform').webUrl}/schedules`);
    const row = page.locator(`[data-testid="schedule-row"][data-workflow-id="${id}"]`);
    await row.waitFor();
    expect(await row.getByRole('link', { name }).getAttribute('href')).toBe(`/workflows/${id}`);
    expect(await row.getByText('30 6 * * *').count()).toBe(1);
    expect(await row.getByText('Asia/Tokyo').count()).toBe(1);
    expect(await row.getByTestId('schedule-next-fire').innerText()).toMatch(/06:30 GMT\+9$/);
    expect(await row.getByTestId('schedule-state').innerText()).toBe('active');
    expect(await page.getByRole('link', { name: 'Schedules' }).getAttribute('aria-current')).toBe('page');
    await page.screenshot({ path: screenshotPath('schedules-page') });

    await row.getByRole('button', { name: 'Pause' }).click();
    await row.getByRole('button', { name: 'Resume' }).waitFor();
    expect(await row.getByTestId('schedule-state').innerText()).toBe('paused');
    expect((await (await apiFetch(`/api/workflows/${id}/schedule`)).json()).state).toBe('paused');
  });
});
