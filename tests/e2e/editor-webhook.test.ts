import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { signWebhook } from '@/lib/webhooks/signature';
import { launchBrowser, screenshotPath } from '../support/browser';
import { flowNode as node, openEditor, screenshotOnFailure } from '../support/editor-page';
import { apiFetch } from '../support/api';

const definition = {
  nodes: [
    { id: 'hook', type: 'trigger.webhook', position: { x: 0, y: 0 }, config: { auth: 'hmac' } },
    { id: 'out', type: 'flow.output', position: { x: 260, y: 0 }, config: { value: '{{ input.body }}' } },
  ],
  edges: [{ source: 'hook', target: 'out' }],
};

describe("the webhook trigger's inspector", () => {
  let browser: Browser;
  let page: Page;
  let id = '';

  beforeAll(async () => {
    const created = await apiFetch('/api/workflows', { method: 'POST', body: JSON.stringify({ name: 'Webhook UI' }) });
    id = (await created.json()).id;
    const published = await apiFetch(`/api/workflows/${id}/versions`, {
      method: 'POST',
      body: JSON.stringify({ definition }),
    });
    expect(published.status).toBe(201);
    browser = await launchBrowser();
    page = await openEditor(browser, id);
  });
  afterAll(async () => {
    await browser?.close();
    await apiFetch(`/api/workflows/${id}`, { method: 'DELETE' });
  });
  screenshotOnFailure(() => page);

  it('shows the production URL publishing made, makes its signing secret and shows it once, and disables it', async () => {
    await node(page, 'hook').click();
    const panel = page.getByRole('region', { name: 'Webhook URL' });
    const url = await panel.locator('[data-webhook-url]').innerText();
    expect(url).toMatch(/^http:\/\/[^/]+\/api\/hooks\/[\w-]{32}$/);
    await panel.getByRole('button', { name: 'Make secret' }).click();
    await panel.locator('[data-webhook-secret]').waitFor();
    const secret = await panel.locator('[data-webhook-secret]').innerText();
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    expect(await panel.getByText('The signing secret, shown this once').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('editor-webhook') });

    // The URL and secret shown are the ones that work.
    const body = '{"from":"the editor"}';
    const timestamp = String(Math.floor(Date.now() / 1000));
    const called = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-webhook-timestamp': timestamp,
        'x-webhook-signature': signWebhook(secret, timestamp, new TextEncoder().encode(body)),
      },
      body,
    });
    expect(called.status).toBe(202);

    await panel.getByRole('button', { name: 'Disable' }).click();
    await panel.getByText(/^Disabled: calls are answered 410/).waitFor();
    expect(await panel.locator('[data-webhook-secret]').count()).toBe(0);
    expect((await fetch(url, { method: 'POST', body })).status).toBe(410);
  });
});

describe("the webhook trigger's test URL", () => {
  let browser: Browser;
  let page: Page;
  let id = '';

  beforeAll(async () => {
    const created = await apiFetch('/api/workflows', {
      method: 'POST',
      body: JSON.stringify({ name: 'Webhook test' }),
    });
    id = (await created.json()).id;
    const draft = { ...definition, nodes: [{ ...definition.nodes[0], config: { auth: 'none' } }, definition.nodes[1]] };
    const put = await apiFetch(`/api/workflows/${id}/draft`, {
      method: 'PUT',
      body: JSON.stringify({ definition: draft }),
    });
    expect(put.status).toBe(200);
    browser = await launchBrowser();
    page = await openEditor(browser, id);
  });
  afterAll(async () => {
    await browser?.close();
    await apiFetch(`/api/workflows/${id}`, { method: 'DELETE' });
  });
  screenshotOnFailure(() => page);

  it('listens, runs the unpublished draft with the call, shows its body and lights the canvas with the run', async () => {
    await node(page, 'hook').click();
    const panel = page.getByRole('region', { name: 'Webhook test URL' });
    await panel.getByRole('button', { name: 'Listen for test call' }).click();
    await panel.getByText(/^Listening until /).waitFor();
    const url = await panel.locator('[data-webhook-test-url]').innerText();
    expect(url).toMatch(/^http:\/\/[^/]+\/api\/hooks\/test\/[\w-]{43}$/);

    const called = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"invoice":"INV-7"}',
    });
    expect(called.status).toBe(202);
    const { runId } = (await called.json()) as { runId: string };
    await panel.locator('[data-webhook-test-body]').waitFor();
    expect(JSON.parse(await panel.locator('[data-webhook-test-body]').innerText())).toEqual({ invoice: 'INV-7' });
    expect(await panel.getByRole('link', { name: 'Open the run' }).getAttribute('href')).toBe(`/runs/${runId}`);
    // The editor follows the run: its header links to it once it has succeeded.
    await page.getByRole('link', { name: /succeeded/i }).waitFor();
    expect(await page.getByRole('link', { name: /succeeded/i }).getAttribute('href')).toBe(`/runs/${runId}`);
    await panel.getByRole('button', { name: 'Listen for test call' }).waitFor();
    await page.screenshot({ path: screenshotPath('editor-webhook-test') });
  });
});
