import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { listTemplates, workflowTemplates } from '@/lib/workflows/templates';
import { call, testWorkflowTracker } from '../support/workflow-api';

const { track } = testWorkflowTracker();

interface DraftNode {
  id: string;
  type: string;
  position: { x: number; y: number };
  config: Record<string, unknown>;
}

describe('workflow templates', () => {
  it('are listed with their node counts and definitions', async () => {
    const { status, body } = await call('GET', '/workflow-templates');
    expect(status).toBe(200);
    expect(body.items.map((item: { id: string; nodeCount: number }) => [item.id, item.nodeCount])).toEqual(
      workflowTemplates.map((template) => [template.id, template.definition.nodes.length]),
    );
    expect(body).toEqual({ items: JSON.parse(JSON.stringify(listTemplates())) });
  });

  it.each(workflowTemplates.map((template) => [template.id, template] as const))(
    'create a workflow from %s: the draft holds its nodes where they were placed, and publishes as it is',
    async (templateId, template) => {
      const name = `From ${templateId} ${randomUUID().slice(0, 8)}`;
      const created = await call('POST', '/workflows', { name, templateId });
      expect(created.status).toBe(201);
      track(created.body.id);
      expect(created.body).toMatchObject({ name, description: '', latestVersion: null });

      const draft = await call('GET', `/workflows/${created.body.id}/draft`);
      expect(draft.status).toBe(200);
      expect(draft.body.name).toBe(name);
      const nodes = (draft.body.definition.nodes as DraftNode[]).map(({ id, type, position, config }) => ({
        id,
        type,
        position,
        config,
      }));
      const expectedNodes = template.definition.nodes.map(({ id, type, position, config }) => ({
        id,
        type,
        position,
        config: config ?? {},
      }));
      expect(nodes).toEqual(expect.arrayContaining(expectedNodes));
      expect(nodes).toHaveLength(expectedNodes.length);
      const edges = template.definition.edges ?? [];
      expect(draft.body.definition.edges).toHaveLength(edges.length);
      expect(draft.body.definition.edges).toEqual(
        expect.arrayContaining(
          edges.map(({ source, sourceHandle, target }) => ({
            id: expect.any(String),
            source,
            sourceHandle: sourceHandle ?? 'out',
            target,
          })),
        ),
      );

      const published = await call('POST', `/workflows/${created.body.id}/versions`);
      expect(published.status, JSON.stringify(published.body)).toBe(201);
    },
  );

  it('refuses an unknown templateId with 400 naming it, creating nothing', async () => {
    const name = `Unknown template ${randomUUID()}`;
    const response = await call('POST', '/workflows', { name, templateId: 'no-such-template' });
    const message = 'There is no template "no-such-template": GET /api/workflow-templates lists them';
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: {
        code: 'invalid_request',
        message: `templateId: ${message}`,
        details: [{ path: 'templateId', message }],
      },
    });
    expect(await db().workflow.count({ where: { name } })).toBe(0);
  });
});
