import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { call, publish, testWorkflowTracker, validDefinition } from '../support/workflow-api';

const { createWorkflow, track } = testWorkflowTracker();

describe('export and import', () => {
  it('round-trips the latest published definition through a download', async () => {
    const { id } = await createWorkflow(`Export Ünïcode & more ${randomUUID().slice(0, 8)}`);
    const unpublished = await call('GET', `/workflows/${id}/export`);
    expect(unpublished.status).toBe(409);
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
    track(imported.body.id);
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

  it('exports the live draft or a chosen version on request', async () => {
    const { id } = await createWorkflow(`Export choices ${randomUUID().slice(0, 8)}`);
    const draft = {
      nodes: [{ id: 'start', type: 'trigger.manual', name: 'From the draft', position: { x: 40, y: 80 } }],
    };
    expect((await call('PUT', `/workflows/${id}/draft`, { definition: draft })).status).toBe(200);
    const exported = await call('GET', `/workflows/${id}/export?version=draft`);
    expect(exported.status).toBe(200);
    expect(exported.body.definition.nodes).toEqual([
      {
        id: 'start',
        type: 'trigger.manual',
        typeVersion: 1,
        name: 'From the draft',
        position: { x: 40, y: 80 },
        config: {},
        settings: { onError: 'fail' },
      },
    ]);
    expect((await call('GET', `/workflows/${id}/export?version=1`)).body.error).toMatchObject({ code: 'not_found' });
    expect((await call('POST', `/workflows/${id}/versions`)).status).toBe(201);
    expect((await call('GET', `/workflows/${id}/export?version=1`)).body.definition.nodes[0].name).toBe(
      'From the draft',
    );
    const bad = await call('GET', `/workflows/${id}/export?version=newest`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('version: version must be latest, draft or a version number');
  });
});
