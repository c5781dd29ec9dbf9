import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getCredentialMetadata, storeCredential, updateCredential } from '@/lib/vault/credentials';
import { recordCircuitOutcome } from '@/lib/connectors/credential-guard/circuit-breaker';
import { launchBrowser, ownerPage, screenshotPath } from '../support/browser';
import { screenshotOnFailure } from '../support/editor-page';
import { ownerOrg } from '../support/api';

describe('the rate limit and circuit breaker of a credential', () => {
  let browser: Browser;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());
  screenshotOnFailure(() => page);

  it('shows an open circuit with its last error, lets the owner reset it and change the limits', async () => {
    const org = ownerOrg();
    const credentialId = await storeCredential(org, {
      name: `Stripe prod ${randomUUID().slice(0, 6)}`,
      type: 'bearer',
      value: { token: randomUUID() },
    });
    await updateCredential(org, credentialId, { limits: { breakerFailures: 2, breakerCooldownSeconds: 600 } });
    const lastError = 'POST https://api.stripe.example/v1/charges failed with HTTP 503 Service Unavailable';
    const settings = { threshold: 2, cooldownMs: 600_000 };
    await recordCircuitOutcome(credentialId, settings, { kind: 'fault', error: lastError });
    await recordCircuitOutcome(credentialId, settings, { kind: 'fault', error: lastError });

    page = await ownerPage(browser);
    await page.goto(`${inject('platform').webUrl}/settings/credentials/${credentialId}`);
    const breaker = page.getByTestId('circuit-breaker');
    await breaker.getByText(/^Open until \d\d:\d\d:\d\d UTC$/).waitFor();
    expect(await breaker.getByText('2 consecutive failures of 2 · cooldown 600 s').count()).toBe(1);
    expect(await breaker.getByText(`Last error: ${lastError}`).count()).toBe(1);
    await page.getByRole('heading', { name: 'Rate limit and circuit breaker' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('settings-credential-circuit-open'), fullPage: true });

    await breaker.getByRole('button', { name: 'Reset' }).click();
    await breaker.getByText('Closed', { exact: true }).waitFor();
    expect(await breaker.getByText('0 consecutive failures of 2 · cooldown 600 s').count()).toBe(1);

    await page.getByLabel('Requests per minute').fill('120');
    await page.getByRole('button', { name: 'Save limits' }).click();
    await page.getByText('Saved.').waitFor();
    expect((await getCredentialMetadata(org.orgId, credentialId)).metadata).toEqual({
      limits: { requestsPerMinute: 120, breakerFailures: 2, breakerCooldownSeconds: 600 },
    });
    await page.screenshot({ path: screenshotPath('settings-credential-circuit-closed'), fullPage: true });
  });
});
