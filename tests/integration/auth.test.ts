import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { db } from '@/lib/db/client';
import { signUp } from '@/lib/auth/accounts';
import { api } from '../support/api';
import { cookieHeader, sessionTokenHash, signInOverHttp } from '../support/sign-in';

const COOKIE = 'authjs.session-token';
const password = 'a perfectly long password';

async function newUser() {
  const email = `user-${randomUUID()}@flow.test`;
  const { user, org } = await signUp({ name: 'Someone', email, password });
  return { user, org, email };
}

async function sessionRow(cookie: string) {
  return db().session.findUnique({ where: { sessionToken: await sessionTokenHash(cookie) } });
}

const getWorkflows = (cookie: string) => fetch(api('/api/workflows'), { headers: { cookie } });

describe('sign-up and sign-in', () => {
  it('creates a personal org the new user owns, with the password stored as an argon2id hash', async () => {
    const { user, org } = await newUser();
    const membership = await db().membership.findUniqueOrThrow({
      where: { orgId_userId: { orgId: org.id, userId: user.id } },
    });
    expect(membership.role).toBe('OWNER');
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(password);
  });

  it('signs in with the right password into a working, HttpOnly, SameSite session, and audits it', async () => {
    const { email, org } = await newUser();
    const cookie = await signInOverHttp(inject('platform').webUrl, email, password);
    const response = await getWorkflows(cookie);
    expect(response.status).toBe(200);
    expect(await sessionRow(cookie)).not.toBeNull();
    const events = await db().auditEvent.findMany({ where: { orgId: org.id, action: 'auth.sign_in' } });
    expect(events).toHaveLength(1);
  });

  it('refuses a wrong password without a session, and records the failure in the audit log', async () => {
    const { email, org } = await newUser();
    await expect(signInOverHttp(inject('platform').webUrl, email, 'not the password at all')).rejects.toThrow(
      /CredentialsSignin/,
    );
    const failed = await db().auditEvent.findMany({ where: { orgId: org.id, action: 'auth.sign_in_failed' } });
    expect(failed).toHaveLength(1);
    expect(JSON.stringify(failed)).not.toContain('not the password');
  });

  it('stops guessing after ten wrong passwords in a few minutes, even before the right one', async () => {
    const { email } = await newUser();
    for (let attempt = 0; attempt < 10; attempt++) {
      await expect(signInOverHttp(inject('platform').webUrl, email, `wrong guess ${attempt}`)).rejects.toThrow();
    }
    await expect(signInOverHttp(inject('platform').webUrl, email, password)).rejects.toThrow(/rate_limited/);
  });
});

describe('unauthenticated requests', () => {
  it('get 401 from the API and are sent to sign-in from pages', async () => {
    const apiResponse = await fetch(api('/api/runs'));
    expect(apiResponse.status).toBe(401);
    expect(await apiResponse.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    const page = await fetch(api('/runs?status=FAILED'), { redirect: 'manual' });
    expect(page.status).toBe(307);
    expect(new URL(page.headers.get('location')!, api('/')).pathname).toBe('/sign-in');
    expect(new URL(page.headers.get('location')!, api('/')).searchParams.get('callbackUrl')).toBe(
      '/runs?status=FAILED',
    );
    expect((await fetch(api('/sign-in'))).status).toBe(200);
  });

  it('cannot forge a session cookie', async () => {
    expect((await getWorkflows(`${COOKIE}=forged.value.here`)).status).toBe(401);
  });
});

describe('CSRF protection for cookie sessions', () => {
  it('refuses state changes without this app as Origin, and accepts them from it', async () => {
    const { email } = await newUser();
    const cookie = await signInOverHttp(inject('platform').webUrl, email, password);
    const create = (headers: Record<string, string>) =>
      fetch(api('/api/workflows'), {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ name: 'csrf probe' }),
      });
    expect((await create({})).status).toBe(403);
    expect((await create({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await create({ origin: inject('platform').webUrl, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await create({ origin: inject('platform').webUrl })).status).toBe(201);
  });
});

describe('session lifetime', () => {
  it('rotates the token when due: the new cookie works, the old one only for a short grace, and a late replay ends both', async () => {
    const { email } = await newUser();
    const oldCookie = await signInOverHttp(inject('platform').webUrl, email, password);
    const row = (await sessionRow(oldCookie))!;
    // Age the session past the rotation interval (a day in tests, tests/setup/platform.ts).
    await db().session.update({ where: { id: row.id }, data: { createdAt: new Date(Date.now() - 25 * 3600_000) } });

    const rotating = await getWorkflows(oldCookie);
    expect(rotating.status).toBe(200);
    const newCookie = cookieHeader(rotating)
      .split('; ')
      .find((cookie) => cookie.startsWith(`${COOKIE}=`))!;
    expect(newCookie).toBeDefined();
    const successor = (await sessionRow(newCookie))!;
    expect(successor.id).not.toBe(row.id);
    expect((await db().session.findUniqueOrThrow({ where: { id: row.id } })).rotatedAt).toBeInstanceOf(Date);

    // Within the grace the old cookie still works (requests already in flight).
    expect((await getWorkflows(oldCookie)).status).toBe(200);
    // Past it, only the new one does.
    await db().session.update({ where: { id: row.id }, data: { rotatedAt: new Date(Date.now() - 5 * 60_000) } });
    expect((await getWorkflows(newCookie)).status).toBe(200);
    // A replaced token used after its grace was copied: the session ends, for the successor too.
    expect((await getWorkflows(oldCookie)).status).toBe(401);
    expect((await getWorkflows(newCookie)).status).toBe(401);
  });

  it('ends idle sessions and sessions past the absolute limit', async () => {
    const { email } = await newUser();
    const idle = await signInOverHttp(inject('platform').webUrl, email, password);
    await db().session.update({
      where: { id: (await sessionRow(idle))!.id },
      data: { expires: new Date(Date.now() - 1000) },
    });
    expect((await getWorkflows(idle)).status).toBe(401);

    const old = await signInOverHttp(inject('platform').webUrl, email, password);
    await db().session.update({
      where: { id: (await sessionRow(old))!.id },
      data: { authTime: new Date(Date.now() - 31 * 24 * 3600 * 1000) },
    });
    expect((await getWorkflows(old)).status).toBe(401);
  });

  it('signing out ends the session on the server, not just in the browser', async () => {
    const { email } = await newUser();
    const cookie = await signInOverHttp(inject('platform').webUrl, email, password);
    const csrf = await fetch(api('/api/auth/csrf'), { headers: { cookie } });
    const { csrfToken } = await csrf.json();
    const signOut = await fetch(api('/api/auth/signout'), {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: `${cookie}; ${cookieHeader(csrf)}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ csrfToken }),
    });
    expect(signOut.status).toBe(302);
    expect(await sessionRow(cookie)).toBeNull();
    // A copy of the cookie kept by an attacker is useless now.
    expect((await getWorkflows(cookie)).status).toBe(401);
  });
});
