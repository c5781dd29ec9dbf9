import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { db } from '@/lib/db/client';
import { screenshotPath, browserForSuite } from '../support/browser';
import type { OidcUser } from '../support/fake-oidc';

async function nextSsoUser(user: OidcUser) {
  const response = await fetch(`${inject('platform').oidcUrl}/next-user`, {
    method: 'POST',
    body: JSON.stringify(user),
  });
  expect(response.ok).toBe(true);
}

// Sign-in through an OpenID Connect provider (switched on by AUTH_OIDC_* for the test platform).
describe('single sign-on', () => {
  const webUrl = inject('platform').webUrl;
  const browser = browserForSuite();

  async function signInWithSso(): Promise<Page> {
    const page = await (await browser().newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${webUrl}/sign-in`);
    await page.getByRole('button', { name: 'Continue with Test SSO' }).click();
    return page;
  }

  it('signs a new person in, with a personal org, and the same person again into the same account', async () => {
    const user = {
      sub: randomUUID(),
      email: `sam-${randomUUID().slice(0, 8)}@flow.test`,
      name: 'Sam SSO',
      email_verified: true,
    };
    await nextSsoUser(user);
    const page = await signInWithSso();
    await page.waitForURL(`${webUrl}/`);
    await page.getByRole('link', { name: 'Sam SSO' }).waitFor();
    await page.screenshot({ path: screenshotPath('sso-signed-in') });

    const stored = await db().user.findUniqueOrThrow({
      where: { email: user.email },
      include: { accounts: true, memberships: true },
    });
    expect(stored.passwordHash).toBeNull();
    expect(stored.accounts).toMatchObject([{ provider: 'oidc', providerAccountId: user.sub }]);
    expect(stored.memberships).toMatchObject([{ role: 'OWNER' }]);

    await nextSsoUser(user);
    const again = await signInWithSso();
    await again.waitForURL(`${webUrl}/`);
    expect(await db().user.count({ where: { email: user.email } })).toBe(1);
    expect(await db().account.count({ where: { userId: stored.id } })).toBe(1);
  });

  it('refuses an unverified email that belongs to an existing account, without linking it', async () => {
    const owner = inject('platform').owner;
    await nextSsoUser({ sub: randomUUID(), email: owner.email, name: 'Impostor', email_verified: false });
    const page = await signInWithSso();
    await page.waitForURL(/\/sign-in\?.*error=AccessDenied/);
    await page.getByText(/not verified/).waitFor();
    await page.screenshot({ path: screenshotPath('sso-refused') });
    expect(await db().account.count({ where: { userId: owner.userId } })).toBe(0);
  });

  it('never joins a verified SSO email to a password account whose email nobody verified', async () => {
    const owner = inject('platform').owner;
    await nextSsoUser({ sub: randomUUID(), email: owner.email, name: 'Same Person?', email_verified: true });
    const page = await signInWithSso();
    await page.waitForURL(/\/sign-in\?error=OAuthAccountNotLinked/);
    await page.getByText(/Sign in with the password/).waitFor();
    expect(await db().account.count({ where: { userId: owner.userId } })).toBe(0);
  });
});
