import { describe, expect, it } from 'vitest';
import { NODE_SIZE } from '../definition/layered-layout';
import { placeUnpositionedNodes } from './place-nodes';

type Placed = { nodes: { id: string; position: { x: number; y: number } }[] };

const positionsOf = (definition: unknown) =>
  Object.fromEntries((definition as Placed).nodes.map((node) => [node.id, node.position]));

describe('placeUnpositionedNodes', () => {
  it('lays out a definition none of whose nodes has a position: layers left to right, branches in handle order', async () => {
    const definition = {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'check', type: 'logic.if', config: { condition: '{{ true }}' } },
        { id: 'yes', type: 'data.set' },
        { id: 'no', type: 'data.set' },
      ],
      edges: [
        { source: 'start', target: 'check' },
        // Listed false first: the layout follows the node's handles, true above false.
        { source: 'check', target: 'no', sourceHandle: 'false' },
        { source: 'check', target: 'yes', sourceHandle: 'true' },
      ],
      settings: { timeoutMs: 1000 },
    };

    const placed = (await placeUnpositionedNodes(definition)) as typeof definition & Placed;

    const at = positionsOf(placed);
    expect(at.check.x - at.start.x).toBeGreaterThanOrEqual(NODE_SIZE.width);
    expect(at.yes.x - at.check.x).toBeGreaterThanOrEqual(NODE_SIZE.width);
    expect(at.no.x).toBe(at.yes.x);
    expect(at.no.y - at.yes.y).toBeGreaterThanOrEqual(NODE_SIZE.height);
    // Everything else is kept as it was sent.
    expect(placed.edges).toBe(definition.edges);
    expect(placed.settings).toBe(definition.settings);
    const withoutPositions = (placed.nodes as Record<string, unknown>[]).map(({ position: _, ...node }) => node);
    expect(withoutPositions).toEqual(definition.nodes);
  });

  it('leaves a definition that places any node as it is', async () => {
    const definition = {
      nodes: [
        { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 } },
        { id: 'out', type: 'flow.output' },
      ],
      edges: [{ source: 'start', target: 'out' }],
    };

    expect(await placeUnpositionedNodes(definition)).toBe(definition);
  });

  it('leaves what it cannot lay out to validation: one node, no node list, nodes without ids, not an object', async () => {
    const inputs = [
      { nodes: [{ id: 'start', type: 'trigger.manual' }] },
      { nodes: 'start' },
      { nodes: [{ type: 'trigger.manual' }, { id: 'out' }] },
      [{ id: 'a' }, { id: 'b' }],
      null,
    ];

    for (const input of inputs) expect(await placeUnpositionedNodes(input)).toBe(input);
  });

  it('lays out nodes whose edges name nodes that do not exist, ignoring those edges', async () => {
    const definition = {
      nodes: [
        { id: 'a', type: 'trigger.manual' },
        { id: 'b', type: 'data.set' },
      ],
      edges: [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'ghost' },
        { source: 7, target: 'a' },
      ],
    };

    const at = positionsOf(await placeUnpositionedNodes(definition));

    expect(at.b.x - at.a.x).toBeGreaterThanOrEqual(NODE_SIZE.width);
  });
});

describe('placeUnpositionedNodes of a large definition', () => {
  it('places more than 300 nodes on a grid in their order, ten to a row', async () => {
    const nodes = Array.from({ length: 301 }, (_, index) => ({ id: `n${index}`, type: 'data.set' }));

    const at = positionsOf(await placeUnpositionedNodes({ nodes, edges: [] }));

    expect([at.n0, at.n1, at.n9, at.n10, at.n300]).toEqual([
      { x: 0, y: 0 },
      { x: 280, y: 0 },
      { x: 9 * 280, y: 0 },
      { x: 0, y: 96 },
      { x: 0, y: 30 * 96 },
    ]);
  });
});
