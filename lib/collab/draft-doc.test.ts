import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { draftNodes, readDraft, toDraftDefinition, writeDraft, type WorkflowDraft } from './draft-doc';

const draft: WorkflowDraft = {
  name: 'Orders',
  description: 'Checks big orders',
  definition: toDraftDefinition({
    nodes: [
      { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 } },
      {
        id: 'fetch',
        type: 'http.request',
        config: { url: 'https://x.test', method: 'GET' },
        position: { x: 200, y: 0 },
      },
    ],
    edges: [{ source: 'start', target: 'fetch' }],
  }),
};

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('the draft document', () => {
  it('reads back what was written, with edge ids made explicit', () => {
    const doc = new Y.Doc();
    writeDraft(doc, draft);
    expect(readDraft(doc)).toEqual({
      name: 'Orders',
      description: 'Checks big orders',
      definition: {
        nodes: [
          {
            id: 'fetch',
            type: 'http.request',
            position: { x: 200, y: 0 },
            config: { url: 'https://x.test', method: 'GET' },
            settings: {},
          },
          { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 }, config: {}, settings: {} },
        ],
        edges: [{ id: 'start:out->fetch', source: 'start', sourceHandle: 'out', target: 'fetch' }],
        settings: {},
      },
    });
  });

  it('changes only what differs, so concurrent edits of different fields of one node both survive', () => {
    const alice = new Y.Doc();
    writeDraft(alice, draft);
    const bob = new Y.Doc();
    sync(alice, bob);

    const mine = readDraft(alice).definition;
    mine.nodes[0].config.url = 'https://alice.test';
    writeDraft(alice, { definition: mine });
    const theirs = readDraft(bob).definition;
    theirs.nodes[0].config.method = 'POST';
    theirs.nodes[1].position = { x: 10, y: 20 };
    writeDraft(bob, { definition: theirs });
    sync(alice, bob);

    expect(readDraft(alice)).toEqual(readDraft(bob));
    const [fetch, start] = readDraft(alice).definition.nodes;
    expect(fetch.config).toEqual({ url: 'https://alice.test', method: 'POST' });
    expect(start.position).toEqual({ x: 10, y: 20 });
  });

  it('writes nothing when nothing changed', () => {
    const doc = new Y.Doc();
    writeDraft(doc, draft);
    let updates = 0;
    doc.on('update', () => updates++);
    writeDraft(doc, readDraft(doc));
    expect(updates).toBe(0);
    writeDraft(doc, { definition: { ...draft.definition, nodes: draft.definition.nodes.slice(0, 1) } });
    expect(updates).toBe(1);
    expect([...draftNodes(doc).keys()]).toEqual(['start']);
  });
});
