import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { changeMemberRole } from '@/lib/members/members';
import type { OrgContext } from '@/lib/auth/current-org';
import { apiFetch, ownerOrg } from '../support/api';

async function call(method: string, path: string, body?: unknown, key?: string) {
  const response = await apiFetch(path, {
    method,
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

describe('members', () => {
  let editorId = '';
  let adminKey = '';

  beforeAll(async () => {
    const org = ownerOrg();
    const editor = await db().user.create({ data: { email: `editor-${randomUUID()}@example.test` } });
    await db().membership.create({ data: { orgId: org.orgId, userId: editor.id, role: 'EDITOR' } });
    editorId = editor.id;
    adminKey = (await call('POST', '/api/api-keys', { name: 'admin script', role: 'ADMIN' })).json.key;
  });

  it('lists members, changes roles with owner rules, and removes members', async () => {
    const members = (await call('GET', '/api/members')).json.items;
    expect(members.map((member: { user: { id: string } }) => member.user.id)).toContain(editorId);

    const promote = await call('PATCH', `/api/members/${editorId}`, { role: 'OWNER' }, adminKey);
    expect(promote.status).toBe(403);
    expect(promote.json.error.message).toContain('Only an owner');
    expect((await call('PATCH', `/api/members/${editorId}`, { role: 'VIEWER' }, adminKey)).status).toBe(204);
    expect((await call('PATCH', `/api/members/${editorId}`, { role: 'boss' })).status).toBe(400);

    const audit = (await call('GET', `/api/audit-events?action=member.&targetId=${editorId}`)).json.items;
    expect(audit[0]).toMatchObject({ action: 'member.role_change', data: { from: 'EDITOR', to: 'VIEWER' } });

    expect((await call('DELETE', `/api/members/${editorId}`)).status).toBe(204);
    const after = (await call('GET', '/api/members')).json.items;
    expect(after.map((member: { user: { id: string } }) => member.user.id)).not.toContain(editorId);
    expect((await call('DELETE', `/api/members/${editorId}`)).status).toBe(404);
    expect((await call('DELETE', '/api/members/not-a-user')).status).toBe(404);
  });

  it('keeps at least one owner', async () => {
    const org = ownerOrg();
    const demoteSelf = await call('PATCH', `/api/members/${org.userId}`, { role: 'ADMIN' });
    expect(demoteSelf.status).toBe(409);
    expect(demoteSelf.json.error.code).toBe('last_owner');
    expect((await call('DELETE', `/api/members/${org.userId}`)).status).toBe(409);
  });
});

describe('the last owner under concurrency', () => {
  it('lets only one of two owners demote the other when both try at once', async () => {
    const org = await db().org.create({ data: { name: 'Two owners', slug: `two-owners-${randomUUID()}` } });
    const owners = await Promise.all(
      ['a', 'b'].map(async (name) => {
        const user = await db().user.create({ data: { email: `${name}-${randomUUID()}@flow.test` } });
        await db().membership.create({ data: { orgId: org.id, userId: user.id, role: 'OWNER' } });
        return user;
      }),
    );
    const as = (user: (typeof owners)[number]): OrgContext => ({
      orgId: org.id,
      orgName: org.name,
      userId: user.id,
      role: 'OWNER',
      actor: { type: 'USER', id: user.id, label: user.email },
    });
    const results = await Promise.allSettled([
      changeMemberRole(as(owners[0]), owners[1].id, 'ADMIN'),
      changeMemberRole(as(owners[1]), owners[0].id, 'ADMIN'),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await db().membership.count({ where: { orgId: org.id, role: 'OWNER' } })).toBe(1);
  });
});
