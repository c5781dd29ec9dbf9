import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { db } from '@/lib/db/client';
import { asOwner } from '../support/api';

const api = `${inject('platform').webUrl}/api`;

const validDefinition = {
  nodes: [
    { id: 'start', type: 'trigger.manual' },
    { id: 'out', type: 'flow.output', config: { value: '{{ input.x }}' } },
  ],
  edges: [{ source: 'start', target: 'out' }],
};

/** Sends `body` as JSON; a string is sent as it is, to test malformed bodies. */
async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(
    `${api}${path}`,
    asOwner({
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

// The home page's browser test expects the default org to have no workflows: every workflow a
// test here creates is soft-deleted as soon as that test ends.
const createdIds = new Set<string>();

afterEach(async () => {
  await Promise.all([...createdIds].map((id) => fetch(`${api}/workflows/${id}`, asOwner({ method: 'DELETE' }))));
  createdIds.clear();
});

async function createWorkflow(name = `API test ${randomUUID()}`) {
  const { status, body } = await call('POST', '/workflows', { name });
  expect(status).toBe(201);
  createdIds.add(body.id);
  return body as { id: string; name: string };
}

async function publish(workflowId: string, definition: unknown = validDefinition) {
  return call('POST', `/workflows/${workflowId}/versions`, { definition });
}

describe('workflow CRUD', () => {
  it('creates, reads, updates and soft-deletes a workflow', async () => {
    const created = await call('POST', '/workflows', { name: '  Invoice sync  ', description: 'Nightly' });
    expect(created.status).toBe(201);
    createdIds.add(created.body.id);
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

    const deleted = await fetch(`${api}/workflows/${id}`, asOwner({ method: 'DELETE' }));
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
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

describe('workflow versions', () => {
  it('publishes versions 1 and 2 with the sha256 of the canonical definition', async () => {
    const { id } = await createWorkflow();
    const first = await publish(id);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      version: 1,
      checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
      publishedAt: expect.any(String),
    });

    // Same definition with keys in another order: publishing is explicit, so a new version with the same checksum.
    const reordered = {
      edges: [{ target: 'out', source: 'start' }],
      nodes: [
        { type: 'trigger.manual', id: 'start' },
        { config: { value: '{{ input.x }}' }, type: 'flow.output', id: 'out' },
      ],
    };
    const second = await publish(id, reordered);
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ version: 2, checksum: first.body.checksum });

    const changed = await publish(id, { ...validDefinition, settings: { timeoutMs: 60_000 } });
    expect(changed.body.version).toBe(3);
    expect(changed.body.checksum).not.toBe(first.body.checksum);

    expect((await call('GET', `/workflows/${id}`)).body.latestVersion).toBe(3);
  });

  it('numbers concurrent publishes without gaps or duplicates', async () => {
    const { id } = await createWorkflow();
    const results = await Promise.all(Array.from({ length: 6 }, () => publish(id)));
    expect(results.map((result) => result.status)).toEqual(Array(6).fill(201));
    expect(results.map((result) => result.body.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('refuses an invalid definition with 422, listing every problem with its node or edge', async () => {
    const { id } = await createWorkflow();
    const broken = await publish(id, {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'mystery', type: 'does.not.exist' },
        { id: 'check', type: 'logic.if', config: { condition: 'yes' } },
      ],
      edges: [
        { source: 'start', target: 'check' },
        { source: 'check', sourceHandle: 'true', target: 'ghost' },
      ],
    });
    expect(broken.status).toBe(422);
    expect(broken.body.error.code).toBe('invalid_definition');
    expect(broken.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'unknown_node_type', nodeId: 'mystery' }),
        expect.objectContaining({ code: 'invalid_config', nodeId: 'check', path: 'config.condition' }),
        expect.objectContaining({ code: 'dangling_edge', edgeId: 'check:true->ghost', path: 'target' }),
        // A dangling edge does not hide the graph checks.
        expect.objectContaining({ code: 'unreachable_node', nodeId: 'mystery' }),
      ]),
    );
    expect(broken.body.error.message).toContain(`and ${broken.body.error.details.length - 1} more`);

    const noTrigger = await publish(id, {
      nodes: [{ id: 'check', type: 'logic.if', config: { condition: 1 } }],
    });
    expect(noTrigger.status).toBe(422);
    expect(noTrigger.body.error.details.map((problem: { code: string }) => problem.code)).toEqual(
      expect.arrayContaining(['invalid_config', 'no_trigger']),
    );

    const missing = await call('POST', `/workflows/${id}/versions`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].path).toBe('definition');

    expect((await call('GET', `/workflows/${id}/versions`)).body.items).toEqual([]);
  });

  it('lists versions newest first without definitions, and gets one by number or latest', async () => {
    const { id } = await createWorkflow();
    const noneYet = await call('GET', `/workflows/${id}/versions/latest`);
    expect(noneYet.status).toBe(404);
    expect(noneYet.body.error.code).toBe('not_published');

    const first = (await publish(id)).body;
    const second = (await publish(id, { ...validDefinition, settings: { concurrencyLimit: 2 } })).body;

    const list = await call('GET', `/workflows/${id}/versions`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      { ...second, publishedById: expect.any(String) },
      { ...first, publishedById: expect.any(String) },
    ]);

    const one = await call('GET', `/workflows/${id}/versions/1`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject(first);
    // Stored validated, with defaults filled in.
    expect(one.body.definition.nodes[0]).toEqual({
      id: 'start',
      type: 'trigger.manual',
      typeVersion: 1,
      config: {},
      position: { x: 0, y: 0 },
      settings: { onError: 'fail' },
    });
    expect(one.body.definition.edges).toEqual([{ source: 'start', sourceHandle: 'out', target: 'out' }]);

    const latest = await call('GET', `/workflows/${id}/versions/latest`);
    expect(latest.body).toMatchObject({ version: 2, checksum: second.checksum });
    expect(latest.body.definition.settings).toEqual({ concurrencyLimit: 2 });

    for (const ref of ['3', '0', 'abc', '1.5']) {
      expect((await call('GET', `/workflows/${id}/versions/${ref}`)).status, ref).toBe(404);
    }
    // Versions are immutable: no route changes or removes one.
    for (const method of ['PATCH', 'PUT', 'DELETE']) {
      expect((await call(method, `/workflows/${id}/versions/1`, {})).status, method).toBe(405);
    }
  });
});

describe('export and import', () => {
  it('round-trips the latest published definition through a download', async () => {
    const { id } = await createWorkflow(`Export Ünïcode & more ${randomUUID().slice(0, 8)}`);
    const unpublished = await call('GET', `/workflows/${id}/export`);
    expect(unpublished.status).toBe(404);
    expect(unpublished.body.error).toMatchObject({ code: 'not_published' });
    expect(unpublished.body.error.message).toContain('publish it first');

    await publish(id, { nodes: [{ id: 'start', type: 'trigger.manual' }] });
    const published = (await publish(id)).body;

    const exported = await call('GET', `/workflows/${id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(
      /^attachment; filename="export-unicode-more-[0-9a-f]{8}\.json"$/,
    );
    expect(exported.body).toMatchObject({
      format: 'floworchestrator.workflow',
      formatVersion: 1,
      name: expect.stringMatching(/^Export Ünïcode/),
      description: '',
    });
    const latest = (await call('GET', `/workflows/${id}/versions/latest`)).body;
    expect(exported.body.definition).toEqual(latest.definition);

    const imported = await call('POST', '/workflows/import', exported.body);
    expect(imported.status).toBe(201);
    createdIds.add(imported.body.id);
    expect(imported.body).toEqual({ id: expect.any(String), name: exported.body.name, version: 1 });
    expect(imported.body.id).not.toBe(id);

    const copy = (await call('GET', `/workflows/${imported.body.id}/versions/1`)).body;
    expect(copy.definition).toEqual(exported.body.definition);
    expect(copy.checksum).toBe(published.checksum);
    expect((await call('GET', `/workflows/${imported.body.id}`)).body.latestVersion).toBe(1);
  });

  it('refuses garbage with 400 naming the field, and an invalid definition with 422, creating nothing', async () => {
    const file = {
      format: 'floworchestrator.workflow',
      formatVersion: 1,
      name: `Import test ${randomUUID()}`,
      definition: validDefinition,
    };
    expect((await call('POST', '/workflows/import', 'not json at all')).body.error.code).toBe('invalid_json');
    for (const [body, field] of [
      ['"just a string"', ''],
      [{ ...file, format: 'n8n.workflow' }, 'format'],
      [{ ...file, formatVersion: 2 }, 'formatVersion'],
      [{ ...file, formatVersion: undefined }, 'formatVersion'],
      [{ ...file, name: '' }, 'name'],
      [{ ...file, definition: undefined }, 'definition'],
    ] as const) {
      const response = await call('POST', '/workflows/import', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.details[0].path).toBe(field);
    }
    const unsupported = await call('POST', '/workflows/import', { ...file, formatVersion: 2 });
    expect(unsupported.body.error.message).toBe('formatVersion: 2 is not supported: this server reads formatVersion 1');

    const invalid = await call('POST', '/workflows/import', {
      ...file,
      definition: { nodes: [{ id: 'x', type: 'nope' }], edges: [{ source: 'x', target: 'y' }] },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.code).toBe('invalid_definition');
    expect(invalid.body.error.details.length).toBeGreaterThan(1);

    expect(await db().workflow.count({ where: { name: file.name } })).toBe(0);
  });
});

describe('GET /api/nodes', () => {
  it('lists every node type with its handles and JSON Schemas', async () => {
    const { status, body } = await call('GET', '/nodes');
    expect(status).toBe(200);
    const byType = new Map(body.items.map((node: { type: string }) => [node.type, node]));

    expect(byType.get('trigger.manual')).toMatchObject({
      version: 1,
      kind: 'pure',
      category: 'trigger',
      acceptsInput: false,
      outputs: ['out'],
      configSchema: { type: 'object' },
    });
    expect(byType.get('logic.if')).toMatchObject({
      category: 'logic',
      label: 'If / else',
      icon: 'split',
      outputs: ['true', 'false'],
      configSchema: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: { condition: { type: 'boolean' } },
        required: ['condition'],
      },
      outputSchema: { type: 'object', properties: { result: { type: 'boolean' } } },
    });
    expect(byType.get('logic.switch')).toMatchObject({ outputs: 'dynamic' });
  });
});
