import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { call, publish, testWorkflowTracker } from '../support/workflow-api';

const { createWorkflow, track } = testWorkflowTracker();

describe('workflow CRUD', () => {
  it('creates, reads, updates and soft-deletes a workflow', async () => {
    const created = await call('POST', '/workflows', { name: '  Invoice sync  ', description: 'Nightly' });
    expect(created.status).toBe(201);
    track(created.body.id);
    expect(created.body).toMatchObject({
      name: 'Invoice sync',
      description: 'Nightly',
      latestVersion: null,
      runCount: 0,
    });
    const id = created.body.id;

    const read = await call('GET', `/workflows/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    const renamed = await call('PATCH', `/workflows/${id}`, { name: 'Invoice sync v2' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id, name: 'Invoice sync v2', description: 'Nightly' });
    const described = await call('PATCH', `/workflows/${id}`, { description: '' });
    expect(described.body).toMatchObject({ name: 'Invoice sync v2', description: '' });
    const unchanged = await call('PATCH', `/workflows/${id}`, {});
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toMatchObject({ name: 'Invoice sync v2', description: '' });

    const deleted = await call('DELETE', `/workflows/${id}`);
    expect(deleted.status).toBe(204);
    // `call` parses an empty body as null.
    expect(deleted.body).toBeNull();
    for (const [method, body] of [['GET'], ['PATCH', { name: 'Back' }], ['DELETE']] as const) {
      const after = await call(method, `/workflows/${id}`, body);
      expect(after.status, method).toBe(404);
      expect(after.body.error.code).toBe('not_found');
    }
    const stored = await db().workflow.findUniqueOrThrow({ where: { id } });
    expect(stored.deletedAt).toBeInstanceOf(Date);
  });

  it('answers 400 for malformed JSON and for invalid fields, naming the field', async () => {
    const malformed = await call('POST', '/workflows', '{"name": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid_json');

    const missingName = await call('POST', '/workflows', { description: 'no name' });
    expect(missingName.status).toBe(400);
    expect(missingName.body.error).toMatchObject({ code: 'invalid_request' });
    expect(missingName.body.error.message).toMatch(/^name: /);
    expect(missingName.body.error.details).toContainEqual(expect.objectContaining({ path: 'name' }));

    const { id } = await createWorkflow();
    const blankName = await call('PATCH', `/workflows/${id}`, { name: '   ' });
    expect(blankName.status).toBe(400);
    expect(blankName.body.error.message).toBe('name: Give the workflow a name');
  });

  it('answers 404 for unknown, non-UUID and other orgs’ ids, on every workflow route', async () => {
    const otherOrg = await db().org.create({ data: { slug: `workflows-api-${randomUUID()}`, name: 'Other org' } });
    try {
      const foreign = await db().workflow.create({ data: { orgId: otherOrg.id, name: 'Not yours' } });
      for (const id of [randomUUID(), 'not-a-uuid', foreign.id]) {
        for (const path of [`/workflows/${id}`, `/workflows/${id}/versions`, `/workflows/${id}/versions/latest`]) {
          const response = await call('GET', path);
          expect(response.status, path).toBe(404);
          expect(response.body.error.code).toBe('not_found');
        }
        expect((await call('PATCH', `/workflows/${id}`, { name: 'Mine now' })).status).toBe(404);
        expect((await call('DELETE', `/workflows/${id}`)).status).toBe(404);
        expect((await publish(id)).status).toBe(404);
        expect((await call('GET', `/workflows/${id}/export`)).status).toBe(404);
      }
      const untouched = await db().workflow.findUniqueOrThrow({ where: { id: foreign.id } });
      expect(untouched).toMatchObject({ name: 'Not yours', deletedAt: null });
    } finally {
      await db().org.delete({ where: { id: otherOrg.id } });
    }
  });
});

describe('GET /api/workflows', () => {
  it('pages by cursor, newest first, without repeating or skipping, and leaves out deleted workflows', async () => {
    const ours: { id: string }[] = [];
    for (let i = 0; i < 3; i++) ours.push(await createWorkflow());
    const deleted = await createWorkflow();
    expect((await call('DELETE', `/workflows/${deleted.id}`)).status).toBe(204);

    // Other test files share the org, so check our workflows' place in the whole list.
    const seen: { id: string; updatedAt: string }[] = [];
    let cursor: string | null = null;
    for (let page = 0; page === 0 || cursor; page++) {
      expect(page).toBeLessThan(200);
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : '?limit=2';
      const { status, body } = await call('GET', `/workflows${query}`);
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(2);
      if (body.nextCursor) expect(body.items).toHaveLength(2);
      seen.push(...body.items);
      cursor = body.nextCursor;
    }
    const ids = seen.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(deleted.id);
    // Created one after the other, so newest first means reverse creation order.
    const positions = ours.map((workflow) => ids.indexOf(workflow.id));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => b - a)).toEqual(positions);
    for (let i = 1; i < seen.length; i++) {
      expect(Date.parse(seen[i - 1].updatedAt)).toBeGreaterThanOrEqual(Date.parse(seen[i].updatedAt));
    }
  });

  it('defaults to a page of 50 and rejects a bad limit or cursor, naming it', async () => {
    await createWorkflow();
    const firstPage = await call('GET', '/workflows');
    expect(firstPage.status).toBe(200);
    expect(firstPage.body.items.length).toBeGreaterThan(0);
    expect(firstPage.body.items.length).toBeLessThanOrEqual(50);
    expect(firstPage.body).toHaveProperty('nextCursor');

    for (const [query, field] of [
      ['limit=201', 'limit'],
      ['limit=0', 'limit'],
      ['limit=ten', 'limit'],
      ['cursor=garbage', 'cursor'],
    ]) {
      const { status, body } = await call('GET', `/workflows?${query}`);
      expect(status, query).toBe(400);
      expect(body.error.details[0].path).toBe(field);
    }
  });
});
