import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDraft } from './draft-doc';
import { addEdge, addNode, moveNodes, newNodeId, removeNodes, setNodeField } from './draft-edits';
import { connectionRefusal } from './connection-rules';

describe('draft edits', () => {
  it('adds, configures, moves and removes nodes, taking their edges along', () => {
    const doc = new Y.Doc();
    const start = addNode(doc, { type: 'trigger.manual', position: { x: 0.4, y: 0 } });
    const call = addNode(doc, { type: 'http.request', position: { x: 240, y: 0 }, config: { method: 'GET' } });
    expect([start, call, newNodeId(doc, 'http.request')]).toEqual(['manual', 'request', 'request_2']);
    addEdge(doc, { source: start, sourceHandle: 'out', target: call });
    setNodeField(doc, call, 'config', 'url', 'https://x.test');
    setNodeField(doc, call, 'settings', 'onError', 'continue');
    moveNodes(doc, [{ id: call, position: { x: 300.6, y: 20 } }]);
    expect(readDraft(doc).definition).toMatchObject({
      nodes: [
        { id: 'manual', position: { x: 0, y: 0 } },
        {
          id: 'request',
          position: { x: 301, y: 20 },
          config: { method: 'GET', url: 'https://x.test' },
          settings: { onError: 'continue' },
        },
      ],
      edges: [{ id: 'manual:out->request', source: 'manual', target: 'request' }],
    });
    removeNodes(doc, [call]);
    expect(readDraft(doc).definition).toMatchObject({ nodes: [{ id: 'manual' }], edges: [] });
  });

  it('undoes one edit at a time for its author only', () => {
    const doc = new Y.Doc();
    const undo = new Y.UndoManager([doc.getMap('nodes'), doc.getMap('edges')], { trackedOrigins: new Set([null]) });
    addNode(doc, { type: 'trigger.manual', position: { x: 0, y: 0 } });
    undo.stopCapturing();
    addNode(doc, { type: 'flow.output', position: { x: 200, y: 0 } });
    undo.undo();
    expect(readDraft(doc).definition.nodes.map((node) => node.id)).toEqual(['manual']);
  });
});

describe('connectionRefusal', () => {
  const graph = {
    nodes: [
      { id: 'a', type: 'trigger.manual' },
      { id: 'loop', type: 'flow.forEach' },
      { id: 'body', type: 'data.transform' },
    ],
    edges: [
      { source: 'a', sourceHandle: 'out', target: 'loop' },
      { source: 'loop', sourceHandle: 'each', target: 'body' },
    ],
  };
  it('refuses self-loops, duplicates and cycles, but lets a loop body lead back to its loop', () => {
    expect(connectionRefusal(graph, { source: 'a', sourceHandle: 'out', target: 'a' })).toBe(
      'A node cannot connect to itself',
    );
    expect(connectionRefusal(graph, { source: 'a', sourceHandle: 'out', target: 'loop' })).toBe(
      'These nodes are already connected by that output',
    );
    expect(connectionRefusal(graph, { source: 'body', sourceHandle: 'out', target: 'a' })).toBe(
      'This connection would make a cycle: only a for-each loop may lead back to an earlier node',
    );
    expect(connectionRefusal(graph, { source: 'body', sourceHandle: 'out', target: 'loop' })).toBeUndefined();
    expect(connectionRefusal(graph, { source: 'a', sourceHandle: 'out', target: 'body' })).toBeUndefined();
  });
});
