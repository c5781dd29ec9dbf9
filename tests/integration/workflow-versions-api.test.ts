import { describe, expect, it } from 'vitest';
import { call, publish, testWorkflowTracker, validDefinition } from '../support/workflow-api';

const { createWorkflow } = testWorkflowTracker();

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

    // Without a definition the draft is published; this workflow's draft has no node yet.
    const emptyDraft = await call('POST', `/workflows/${id}/versions`, {});
    expect(emptyDraft.status).toBe(422);
    expect(emptyDraft.body.error.details[0]).toMatchObject({ code: 'invalid_shape', path: 'nodes' });

    expect((await call('GET', `/workflows/${id}/versions`)).body.items).toEqual([]);
  });

  it('keeps the message a version was published with, and refuses one too long naming the field', async () => {
    const { id } = await createWorkflow();
    const noted = await call('POST', `/workflows/${id}/versions`, {
      definition: validDefinition,
      message: ' Retry more ',
    });
    expect(noted.status).toBe(201);
    expect((await call('GET', `/workflows/${id}/versions/1`)).body).toMatchObject({
      version: 1,
      message: 'Retry more',
    });
    const tooLong = await call('POST', `/workflows/${id}/versions`, { message: 'x'.repeat(501) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details).toEqual([
      expect.objectContaining({ path: 'message', message: 'Keep the message under 500 characters' }),
    ]);
  });

  it('lists versions newest first without definitions, and gets one by number or latest', async () => {
    const { id } = await createWorkflow();
    const noneYet = await call('GET', `/workflows/${id}/versions/latest`);
    expect(noneYet.status).toBe(409);
    expect(noneYet.body.error.code).toBe('not_published');

    const first = (await publish(id)).body;
    const second = (await publish(id, { ...validDefinition, settings: { concurrencyLimit: 2 } })).body;

    const list = await call('GET', `/workflows/${id}/versions`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      { ...second, message: '', publishedById: expect.any(String), publishedBy: 'Test Owner' },
      { ...first, message: '', publishedById: expect.any(String), publishedBy: 'Test Owner' },
    ]);

    const one = await call('GET', `/workflows/${id}/versions/1`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject(first);
    // Stored validated, with defaults filled in, and laid out left to right since it was sent
    // without positions.
    expect(one.body.definition.nodes[0]).toEqual({
      id: 'start',
      type: 'trigger.manual',
      typeVersion: 1,
      config: {},
      position: { x: 12, y: 12 },
      settings: { onError: 'fail' },
    });
    expect(one.body.definition.nodes[1].position).toEqual({ x: 292, y: 12 });
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
