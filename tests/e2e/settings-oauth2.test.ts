import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { decryptCredential, storeCredential } from '@/lib/vault/credentials';
import { launchBrowser, ownerPage, screenshotPath } from '../support/browser';
import { screenshotOnFailure } from '../support/editor-page';
import { OAuth2ProviderStub } from '../support/oauth2-provider-stub';
import { ownerOrg } from '../support/api';

describe('the credential page of an OAuth2 credential', () => {
  const provider = new OAuth2ProviderStub();
  let browser: Browser;
  let page: Page | undefined;
  beforeAll(async () => {
    await provider.start();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await provider.stop();
  });
  screenshotOnFailure(() => page);

  it('connects it at the provider and comes back saying so', async () => {
    const credentialId = await storeCredential(ownerOrg(), {
      name: `Provider ${randomUUID().slice(0, 6)}`,
      type: 'oauth2',
      value: provider.credentialValue(),
    });
    page = await ownerPage(browser);
    await page.goto(`${inject('platform').webUrl}/settings/credentials/${credentialId}`);
    await page.getByText(`Signs in at ${new URL(provider.base).host}`).waitFor();
    await page.screenshot({ path: screenshotPath('settings-oauth2-connect') });

    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
    expect(new URL(page.url()).search).toBe('?oauth2=connected');
    expect(await page.getByRole('status').textContent()).toBe(
      "Connected: the provider's refresh token is stored in the credential.",
    );
    expect(await decryptCredential(ownerOrg().orgId, credentialId)).toMatchObject({
      refreshToken: provider.refreshToken,
    });
    await page.screenshot({ path: screenshotPath('settings-oauth2-connected') });
  });
});
