import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { db } from '@/lib/db/client';
import { signUp } from '@/lib/auth/accounts';
import { api, apiFetch, ownerOrg } from '../support/api';
import { sessionTokenHash, signInOverHttp } from '../support/sign-in';

/** Points a session at an org, as the org switcher does (the session row is the source of truth). */
async function setActiveOrg(cookie: string, orgId: string) {
  await db().session.update({ where: { sessionToken: await sessionTokenHash(cookie) }, data: { activeOrgId: orgId } });
}

async function createKey(body: unknown) {
  const response = await apiFetch('/api/api-keys', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const withKey = (key: string, init: RequestInit = {}) => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${key}` },
});

describe('API keys', () => {
  it('authenticates scripts with a key limited to its role, until revoked', async () => {
    const editor = await createKey({ name: 'deploy script', role: 'EDITOR' });
    expect(editor.status).toBe(201);
    expect(editor.body.key).toMatch(/^fo_[a-z0-9]{8}_/);

    const list = await apiFetch('/api/workflows', withKey(editor.body.key));
    expect(list.status).toBe(200);
    const stored = await db().apiKey.findUniqueOrThrow({ where: { id: editor.body.id } });
    expect(stored.keyHash).not.toContain(editor.body.key);
    expect(stored.lastUsedAt).toBeInstanceOf(Date);

    const viewer = await createKey({ name: 'dashboard', role: 'VIEWER' });
    const forbidden = await fetch(
      api('/api/workflows'),
      withKey(viewer.body.key, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name":"x"}',
      }),
    );
    expect(forbidden.status).toBe(403);
    expect(await apiFetch('/api/workflows', withKey(viewer.body.key))).toHaveProperty('status', 200);

    const keys = await (await apiFetch('/api/api-keys')).json();
    expect(JSON.stringify(keys)).not.toContain(editor.body.key);

    expect((await apiFetch(`/api/api-keys/${editor.body.id}`, { method: 'DELETE' })).status).toBe(204);
    const revoked = await apiFetch('/api/workflows', withKey(editor.body.key));
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error.code).toBe('invalid_api_key');
  });

  it('refuses malformed, unknown and expired keys, and bad requests for keys', async () => {
    expect((await apiFetch('/api/workflows', withKey('not-a-key'))).status).toBe(401);
    expect((await apiFetch('/api/workflows', withKey(`fo_abcdefgh_${'x'.repeat(43)}`))).status).toBe(401);
    expect((await apiFetch('/api/workflows', { headers: { authorization: 'Basic abc' } })).status).toBe(401);

    const soon = await createKey({ name: 'short-lived', expiresAt: new Date(Date.now() + 60_000).toISOString() });
    await db().apiKey.update({ where: { id: soon.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await apiFetch('/api/workflows', withKey(soon.body.key))).status).toBe(401);

    const past = await createKey({ name: 'past', expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.body.error.message).toContain('expiresAt');
    const nameless = await createKey({ role: 'VIEWER' });
    expect(nameless.status).toBe(400);
    expect(nameless.body.error.message).toContain('name');
    expect((await apiFetch('/api/api-keys/not-an-id', { method: 'DELETE' })).status).toBe(404);
  });
});

describe("API keys follow their creator's membership", () => {
  it("acts with the lower of its role and its creator's current role, and stops when the creator leaves", async () => {
    // An admin of the test org makes an ADMIN key with their own session.
    const email = `admin-${randomUUID()}@flow.test`;
    const { user } = await signUp({ name: 'Ada Admin', email, password: 'admin password 12345' });
    await db().membership.create({ data: { orgId: ownerOrg().orgId, userId: user.id, role: 'ADMIN' } });
    const cookie = await signInOverHttp(inject('platform').webUrl, email, 'admin password 12345');
    await setActiveOrg(cookie, ownerOrg().orgId);
    const created = await fetch(api('/api/api-keys'), {
      method: 'POST',
      headers: { cookie, origin: inject('platform').webUrl, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'admin script', role: 'ADMIN' }),
    });
    expect(created.status).toBe(201);
    const { key } = await created.json();
    const membersWithKey = () => apiFetch('/api/members', withKey(key));
    const createWithKey = () =>
      apiFetch(
        '/api/workflows',
        withKey(key, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"by key"}' }),
      );
    expect((await createWithKey()).status).toBe(201);

    // Demoted to viewer: the key can read, no longer write.
    await apiFetch(`/api/members/${user.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'VIEWER' }),
    });
    expect((await createWithKey()).status).toBe(403);
    expect((await membersWithKey()).status).toBe(200);

    // Removed: the key is dead.
    expect((await apiFetch(`/api/members/${user.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await membersWithKey()).status).toBe(401);
  });

  it('cannot be used to create more keys', async () => {
    const { body } = await createKey({ name: 'owner script', role: 'OWNER' });
    const response = await apiFetch(
      '/api/api-keys',
      withKey(body.key, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'offspring', role: 'VIEWER' }),
      }),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toMatch(/API keys cannot create API keys/);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After once a key passes its limit for the minute', async () => {
    const { body } = await createKey({ name: 'busy script', role: 'VIEWER' });
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 61; i++) {
      const response = await apiFetch('/api/nodes', withKey(body.key));
      statuses.push(response.status);
      if (response.status === 429) limited = response;
      else await response.arrayBuffer();
    }
    expect(statuses.slice(0, 60).every((status) => status === 200)).toBe(true);
    expect(statuses[60]).toBe(429);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited!.json()).error).toMatchObject({ code: 'rate_limited', details: { limit: 60 } });
  });
});
