import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../definition/validate';
import { findTemplate, listTemplates, workflowTemplates } from './index';

describe('workflow templates', () => {
  it('has at least five, with unique ids', () => {
    const ids = workflowTemplates.map((template) => template.id);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(findTemplate(id)?.id).toBe(id);
    expect(findTemplate('no-such-template')).toBeUndefined();
  });

  it.each(workflowTemplates.map((template) => [template.id, template] as const))(
    '%s is a valid definition',
    (_id, template) => {
      const result = validateDefinition(template.definition);
      expect(result.ok ? [] : result.problems).toEqual([]);
    },
  );

  it.each(workflowTemplates.map((template) => [template.id, template] as const))(
    '%s places every node, each on its own spot, starting from the left',
    (_id, template) => {
      const nodes = template.definition.nodes;
      expect(new Set(nodes.map((node) => node.id)).size).toBe(nodes.length);
      for (const node of nodes) expect(node.position, `node "${node.id}"`).toBeDefined();
      const spots = nodes.map((node) => `${node.position?.x},${node.position?.y}`);
      expect(new Set(spots).size, 'two nodes share a position').toBe(nodes.length);
      const trigger = nodes.find((node) => node.type.startsWith('trigger.'));
      expect(trigger?.position?.x).toBe(Math.min(...nodes.map((node) => node.position?.x ?? 0)));
    },
  );

  it('lists each with its node count', () => {
    expect(listTemplates().map(({ id, nodeCount }) => ({ id, nodeCount }))).toEqual(
      workflowTemplates.map(({ id, definition }) => ({ id, nodeCount: definition.nodes.length })),
    );
  });
});
