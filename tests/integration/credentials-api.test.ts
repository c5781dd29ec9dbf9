import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readCredential } from '@/lib/vault/credentials';
import { apiFetch, ownerOrg } from '../support/api';

async function call(method: string, path: string, body?: unknown) {
  const response = await apiFetch(path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: text ? JSON.parse(text) : null };
}

describe('credentials API', () => {
  it('stores values encrypted and never returns them; values are write-only', async () => {
    const canary = `canary-${randomUUID()}`;
    const created = await call('POST', '/api/credentials', {
      name: `Stripe ${canary.slice(-6)}`,
      type: 'bearer',
      value: { token: canary },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ type: 'bearer', keyVersion: 1 });
    const id = created.json.id;

    const list = await call('GET', '/api/credentials');
    const one = await call('GET', `/api/credentials/${id}`);
    for (const response of [created, list, one]) expect(response.text).not.toContain(canary);

    const replaced = `replaced-${randomUUID()}`;
    const updated = await call('PATCH', `/api/credentials/${id}`, { value: { token: replaced } });
    expect(updated.status).toBe(200);
    expect(updated.text).not.toContain(replaced);
    const org = ownerOrg();
    expect(await readCredential(org.orgId, id, { runId: 'api-test', nodeId: 'check' })).toEqual({
      type: 'bearer',
      token: replaced,
    });

    expect((await call('DELETE', `/api/credentials/${id}`)).status).toBe(204);
    expect((await call('GET', `/api/credentials/${id}`)).status).toBe(404);
    expect((await call('GET', '/api/credentials/not-an-id')).status).toBe(404);
  });

  it('refuses a second credential of the same name with 409, naming the field', async () => {
    const name = `Twice ${randomUUID().slice(0, 8)}`;
    const first = await call('POST', '/api/credentials', { name, type: 'bearer', value: { token: 'a' } });
    expect(first.status).toBe(201);
    const second = await call('POST', '/api/credentials', { name, type: 'bearer', value: { token: 'b' } });
    expect(second.status).toBe(409);
    expect(second.json).toEqual({
      error: { code: 'conflict', message: 'One with this name already exists', details: { fields: ['name'] } },
    });
  });

  it('rejects values that do not fit their type, naming the field', async () => {
    const empty = await call('POST', '/api/credentials', { name: 'x', type: 'bearer', value: { token: '' } });
    expect(empty.status).toBe(400);
    expect(empty.json.error.message).toContain('value.token');
    const unknown = await call('POST', '/api/credentials', { name: 'x', type: 'oauth9', value: {} });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toContain('type');
  });
});
