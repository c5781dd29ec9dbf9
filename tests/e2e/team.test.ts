import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshotPath, browserForSuite } from '../support/browser';

const password = 'team test password 42';

async function signUpThroughForm(page: Page, name: string, email?: string) {
  await page.getByLabel('Name').fill(name);
  if (email) await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

// A person signs up, invites a teammate as Viewer by link; the viewer joins and can look at
// everything but change and run nothing, in the page and through the API with their session.
describe('a team: sign-up, invitation, viewer', () => {
  const webUrl = inject('platform').webUrl;
  const browser = browserForSuite();

  it('lets an invited viewer see the workflows but neither edit nor run them', async () => {
    const suffix = randomUUID().slice(0, 8);
    const ownerEmail = `olivia-${suffix}@flow.test`;
    const viewerEmail = `victor-${suffix}@flow.test`;

    const owner = await (await browser().newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await owner.goto(`${webUrl}/sign-up`);
    await signUpThroughForm(owner, 'Olivia', ownerEmail);
    await owner.waitForURL(`${webUrl}/`);
    await owner.getByText('No workflows yet').waitFor();

    // The owner publishes a workflow through the API with the browser's own session.
    const sameOrigin = { origin: webUrl };
    const created = await owner.request.post(`${webUrl}/api/workflows`, {
      headers: sameOrigin,
      data: { name: 'Quarterly report' },
    });
    expect(created.status()).toBe(201);
    const workflowId = (await created.json()).id;
    const published = await owner.request.post(`${webUrl}/api/workflows/${workflowId}/versions`, {
      headers: sameOrigin,
      data: {
        definition: {
          nodes: [
            { id: 'start', type: 'trigger.manual' },
            { id: 'out', type: 'flow.output', config: { value: 'ok' } },
          ],
          edges: [{ source: 'start', target: 'out' }],
        },
      },
    });
    expect(published.status()).toBe(201);

    await owner.goto(`${webUrl}/settings/members`);
    await owner.getByLabel('Email', { exact: true }).fill(viewerEmail);
    await owner.getByLabel('Role', { exact: true }).selectOption('VIEWER');
    await owner.getByRole('button', { name: 'Create invitation' }).click();
    const link = (await owner.locator('[data-invite-link]').textContent())!.trim();
    expect(link).toMatch(new RegExp(`^${webUrl}/invite/`));
    await owner.getByRole('row', { name: new RegExp(viewerEmail) }).waitFor();
    await owner.screenshot({ path: screenshotPath('members-invited') });

    const viewer = await (await browser().newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await viewer.goto(link);
    await viewer.getByText(/invited to join/).waitFor();
    await viewer.screenshot({ path: screenshotPath('invite-signed-out') });
    await viewer.getByRole('link', { name: `Create an account for ${viewerEmail}` }).click();
    expect(await viewer.getByLabel('Work email').inputValue()).toBe(viewerEmail);
    await signUpThroughForm(viewer, 'Victor');
    await viewer.waitForURL(link);
    await viewer.getByRole('button', { name: /^Join / }).click();
    await viewer.waitForURL(`${webUrl}/`);

    // In the owner's org as a viewer: the workflow is listed, with no way to create or run.
    expect(await viewer.getByLabel('Organization').locator('option:checked').textContent()).toMatch(/· viewer$/);
    const row = viewer.getByRole('row', { name: /Quarterly report/ });
    await row.waitFor();
    expect(await row.getByRole('button', { name: 'Run' }).count()).toBe(0);
    expect(await viewer.getByRole('link', { name: 'New workflow' }).count()).toBe(0);
    await viewer.screenshot({ path: screenshotPath('home-viewer') });
    await viewer.goto(`${webUrl}/workflows/new`);
    await viewer
      .getByRole('note')
      .getByText(/viewer/)
      .waitFor();
    expect(await viewer.getByRole('button', { name: /create/i }).count()).toBe(0);

    // The same session cannot do it through the API either.
    const run = await viewer.request.post(`${webUrl}/api/workflows/${workflowId}/runs`, {
      headers: sameOrigin,
      data: {},
    });
    expect(run.status()).toBe(403);
    const edit = await viewer.request.patch(`${webUrl}/api/workflows/${workflowId}`, {
      headers: sameOrigin,
      data: { name: 'renamed' },
    });
    expect(edit.status()).toBe(403);
    expect((await viewer.request.get(`${webUrl}/api/workflows/${workflowId}`)).status()).toBe(200);

    // The owner, meanwhile, can run it from the list.
    await owner.goto(`${webUrl}/`);
    await owner
      .getByRole('row', { name: /Quarterly report/ })
      .getByRole('button', { name: 'Run' })
      .click();
    await owner.waitForURL(/\/runs/);
    await owner.getByRole('row', { name: /Quarterly report/ }).waitFor();
  });
});
