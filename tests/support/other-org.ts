import { randomUUID } from 'node:crypto';
import { createApiKey } from '@/lib/auth/api-keys';
import { db } from '@/lib/db/client';
import { api } from './api';

/** A second org with an owner and an owner's API key, and `fetch` of app paths with that key. */
export async function createOtherOrg(name: string) {
  const org = await db().org.create({
    data: { slug: `${name.toLowerCase().replace(/\W+/g, '-')}-${randomUUID()}`, name },
  });
  const user = await db().user.create({ data: { email: `owner-${randomUUID()}@example.test` } });
  await db().membership.create({ data: { orgId: org.id, userId: user.id, role: 'OWNER' } });
  const { key } = await createApiKey(
    {
      orgId: org.id,
      orgName: org.name,
      userId: user.id,
      role: 'OWNER',
      actor: { type: 'USER', id: user.id, label: user.email },
    },
    { name: `${name} key`, role: 'OWNER' },
  );
  const keyFetch = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${key}`);
    if (init.body) headers.set('content-type', 'application/json');
    return fetch(api(path), { ...init, headers });
  };
  return { orgId: org.id, key, keyFetch };
}
