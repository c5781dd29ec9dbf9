import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '@/lib/auth/passwords';
import { readDraft, writeDraft } from '@/lib/collab/draft-doc';
import { db } from '@/lib/db/client';
import { launchBrowser, ownerPage, screenshotPath } from '../support/browser';
import { apiFetch } from '../support/api';
import { collabConnection, openDraft } from '../support/collab-client';
import { signInOverHttp } from '../support/sign-in';

const webUrl = () => inject('platform').webUrl;

async function createWorkflow(name: string): Promise<string> {
  const response = await apiFetch('/api/workflows', { method: 'POST', body: JSON.stringify({ name }) });
  return (await response.json()).id;
}

async function openEditor(page: Page, id: string) {
  await page.goto(`${webUrl()}/workflows/${id}`);
  await page.getByTestId('connection-state').filter({ hasText: 'Live' }).waitFor();
}

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

async function dropFromPalette(page: Page, type: string, at: { x: number; y: number }) {
  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await page.locator(`[data-node-type="${type}"]`).dragTo(pane, { targetPosition: at });
  return box;
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

describe('editing one workflow together', () => {
  let browser: Browser;
  let alice: Page;
  let bob: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    alice = await ownerPage(browser, { width: 1400, height: 860 });
    bob = await ownerPage(browser, { width: 1400, height: 860 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows nodes added, moved, renamed and deleted by one person to the other', async () => {
    const id = await createWorkflow('Built together');
    await openEditor(alice, id);
    await openEditor(bob, id);

    await dropFromPalette(alice, 'trigger.manual', { x: 200, y: 200 });
    await node(bob, 'manual').waitFor();
    await dropFromPalette(alice, 'flow.output', { x: 520, y: 200 });
    await node(bob, 'output').waitFor();

    const before = (await node(bob, 'output').boundingBox())!;
    const handle = (await node(alice, 'output').boundingBox())!;
    await alice.mouse.move(handle.x + 20, handle.y + 10);
    await alice.mouse.down();
    await alice.mouse.move(handle.x + 120, handle.y + 130, { steps: 5 });
    await alice.mouse.up();
    await bob.waitForFunction(
      ([selector, y]) => (document.querySelector(selector)?.getBoundingClientRect().y ?? 0) > (y as number) + 60,
      [`.react-flow__node[data-id="output"]`, before.y] as const,
    );

    await node(alice, 'output').click();
    await alice.getByLabel('Label').fill('Final answer');
    await alice.getByLabel('Label').blur();
    await node(bob, 'output').getByText('Final answer').waitFor();
    await bob.screenshot({ path: screenshotPath('editor-collab-bob') });

    await node(alice, 'manual').click();
    await alice.keyboard.press('Delete');
    await node(bob, 'manual').waitFor({ state: 'detached' });
    const draft = await (await apiFetch(`/api/workflows/${id}/draft`)).json();
    expect(draft.definition.nodes.map((n: { id: string; name?: string }) => [n.id, n.name])).toEqual([
      ['output', 'Final answer'],
    ]);
  });

  it('shows a PUT to /draft in an open editor, and measures propagation over 200 edits', async () => {
    const id = await createWorkflow('Watched from a script');
    await openEditor(bob, id);
    const put = await apiFetch(`/api/workflows/${id}/draft`, {
      method: 'PUT',
      body: JSON.stringify({
        definition: {
          nodes: [{ id: 'start', type: 'trigger.manual', name: 'From the API', position: { x: 100, y: 100 } }],
          edges: [],
        },
      }),
    });
    expect(put.status).toBe(200);
    await node(bob, 'start').getByText('From the API').waitFor();

    const script = await openDraft(await collabConnection(id));
    try {
      const times: number[] = [];
      for (let edit = 1; edit <= 200; edit++) {
        const definition = readDraft(script.doc).definition;
        definition.nodes[0].name = `edit ${edit}`;
        const started = performance.now();
        writeDraft(script.doc, { definition });
        await node(bob, 'start').getByText(`edit ${edit}`, { exact: true }).waitFor();
        times.push(performance.now() - started);
      }
      process.stdout.write(
        `collab propagation, script → browser, 200 edits: p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms\n`,
      );
      expect(times).toHaveLength(200);
    } finally {
      script.close();
    }
  });

  it('keeps the edits of a person who went offline, and merges them on reconnect', async () => {
    const id = await createWorkflow('Offline merge');
    await openEditor(alice, id);
    await openEditor(bob, id);
    await alice.context().setOffline(true);
    await alice.getByTestId('connection-state').filter({ hasText: 'Offline' }).waitFor();
    await dropFromPalette(alice, 'trigger.manual', { x: 200, y: 200 });
    await dropFromPalette(bob, 'flow.output', { x: 520, y: 300 });
    await node(alice, 'manual').waitFor();
    await node(bob, 'output').waitFor();
    await alice.context().setOffline(false);
    await alice.getByTestId('connection-state').filter({ hasText: 'Live' }).waitFor();
    // Off-screen nodes are not rendered: fit both views to the whole graph first.
    for (const page of [alice, bob]) await page.locator('.react-flow__controls-fitview').click();
    await node(alice, 'output').waitFor();
    await node(bob, 'manual').waitFor();
    await alice.screenshot({ path: screenshotPath('editor-offline-merged') });
    const draft = await (await apiFetch(`/api/workflows/${id}/draft`)).json();
    expect(draft.definition.nodes.map((n: { id: string }) => n.id)).toEqual(['manual', 'output']);
  });
});

describe('a viewer in the editor', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('watches the draft live with every edit control off', async () => {
    const { webUrl: base, owner } = inject('platform');
    const email = `viewer-${randomUUID()}@flow.test`;
    const password = 'viewer password 123';
    const user = await db().user.create({
      data: { email, name: 'Vera Viewer', passwordHash: await hashPassword(password) },
    });
    await db().membership.create({ data: { orgId: owner.orgId, userId: user.id, role: 'VIEWER' } });
    const cookie = await signInOverHttp(base, email, password);
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    const [name, value] = cookie.split(/=(.*)/s, 2);
    await context.addCookies([{ name, value, url: base, httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();

    const id = await createWorkflow('Only watched');
    await openEditor(page, id);
    await page.getByText('your role cannot edit it').waitFor();
    expect(await page.locator('[data-node-type="trigger.manual"]').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0);

    await apiFetch(`/api/workflows/${id}/draft`, {
      method: 'PUT',
      body: JSON.stringify({
        definition: { nodes: [{ id: 'start', type: 'trigger.manual', position: { x: 100, y: 100 } }] },
      }),
    });
    await node(page, 'start').waitFor();
    await node(page, 'start').click();
    await page.keyboard.press('Delete');
    await page.screenshot({ path: screenshotPath('editor-viewer') });
    const draft = await (await apiFetch(`/api/workflows/${id}/draft`)).json();
    expect(draft.definition.nodes.map((n: { id: string }) => n.id)).toEqual(['start']);
    expect(await node(page, 'start').count()).toBe(1);
  });
});
