import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, ownerPage, screenshotPath } from '../support/browser';
import { screenshotOnFailure } from '../support/editor-page';
import { apiFetch } from '../support/api';
import { publishWorkflow, waitForRun } from '../support/engine';

describe('the events page', () => {
  let browser: Browser;
  let page: Page | undefined;
  const topic = `orders.created-${randomUUID().slice(0, 8)}`;
  const name = `Order intake ${randomUUID().slice(0, 6)}`;
  let workflowId = '';

  beforeAll(async () => {
    workflowId = await publishWorkflow(name, {
      nodes: [
        { id: 'order', type: 'trigger.event', config: { topic } },
        { id: 'out', type: 'flow.output', config: { value: '{{ input.payload.total }}' } },
      ],
      edges: [{ source: 'order', target: 'out' }],
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await apiFetch(`/api/workflows/${workflowId}`, { method: 'DELETE' });
  });
  screenshotOnFailure(() => page);

  it('lists a published event with the run it started in its subscriber, each a link', async () => {
    const published = await apiFetch(`/api/events/${topic}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ total: 99 }),
    });
    expect(published.status).toBe(202);
    const { eventId } = (await published.json()) as { eventId: string };
    // The fan-out runs on Temporal: the event lists its delivery once the run is recorded.
    // Nothing announces it, so the test asks, a tenth of a second apart, for up to 30 s.
    let runId: string | null = null;
    for (let asked = 0; !runId && asked < 300; asked++) {
      if (asked > 0) await new Promise((resolve) => setTimeout(resolve, 100));
      const { events } = await (await apiFetch(`/api/events?topic=${topic}`)).json();
      runId = events[0]?.deliveries[0]?.runId ?? null;
    }
    if (!runId) throw new Error(`event ${eventId} was not delivered`);
    expect(await waitForRun(runId)).toMatchObject({ status: 'SUCCEEDED', output: 99 });

    page = await ownerPage(browser);
    await page.goto(`${inject('platform').webUrl}/events`);
    const row = page.locator(`[data-testid="event-row"][data-event-id="${eventId}"]`);
    await row.waitFor();
    expect(await row.getByText(topic).count()).toBe(1);
    const delivery = row.getByTestId('event-delivery');
    expect(await delivery.getByRole('link', { name }).getAttribute('href')).toBe(`/workflows/${workflowId}`);
    expect(await delivery.getByText('started').count()).toBe(1);
    expect(await delivery.getByRole('link', { name: runId.slice(0, 8) }).getAttribute('href')).toBe(`/runs/${runId}`);
    expect(await page.getByRole('link', { name: 'Events' }).getAttribute('aria-current')).toBe('page');
    await page.screenshot({ path: screenshotPath('events-page') });
  });
});
