import { describe, expect, it } from 'vitest';
import { toDraftDefinition } from '../collab/draft-doc';
import { diffDefinitions, diffIsEmpty } from './definition-diff';

const before = toDraftDefinition({
  nodes: [
    { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 } },
    {
      id: 'fetch',
      type: 'http.request',
      config: { url: 'https://a.example', method: 'GET', headers: { accept: 'json' } },
      settings: { retry: { maximumAttempts: 3 } },
    },
    { id: 'old', type: 'transform.set', config: { values: {} } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'fetch' },
    { source: 'fetch', target: 'old' },
  ],
  settings: { timeoutSeconds: 60 },
});

const after = toDraftDefinition({
  nodes: [
    { id: 'start', type: 'trigger.manual', position: { x: 500, y: 300 } },
    {
      id: 'fetch',
      name: 'Fetch',
      type: 'http.request',
      config: { url: 'https://b.example', method: 'GET', headers: { accept: 'json', 'x-id': '1' } },
      settings: { retry: { maximumAttempts: 5 } },
    },
    { id: 'new', type: 'transform.set', config: { values: {} } },
  ],
  edges: [
    { source: 'start', target: 'fetch' },
    { source: 'fetch', target: 'new' },
  ],
  settings: { timeoutSeconds: 60 },
});

describe('diffDefinitions', () => {
  it('lists added, removed and changed nodes with each changed field by path', () => {
    const diff = diffDefinitions(before, after);
    expect(diff.nodes.added.map((node) => node.id)).toEqual(['new']);
    expect(diff.nodes.removed.map((node) => node.id)).toEqual(['old']);
    expect(diff.nodes.changed).toEqual([
      {
        id: 'fetch',
        fields: [
          { path: 'config.headers.x-id', before: undefined, after: '1' },
          { path: 'config.url', before: 'https://a.example', after: 'https://b.example' },
          { path: 'name', before: undefined, after: 'Fetch' },
          { path: 'settings.retry.maximumAttempts', before: 3, after: 5 },
        ],
      },
    ]);
  });

  it('matches edges by what they connect, not by id, and ignores moved nodes', () => {
    const diff = diffDefinitions(before, after);
    expect(diff.edges.added).toEqual([{ id: 'fetch:out->new', source: 'fetch', sourceHandle: 'out', target: 'new' }]);
    expect(diff.edges.removed).toEqual([{ id: 'fetch:out->old', source: 'fetch', sourceHandle: 'out', target: 'old' }]);
    expect(diff.nodes.changed.map((change) => change.id)).not.toContain('start');
  });

  it('reports workflow settings and finds nothing between equal definitions', () => {
    const slower = { ...after, settings: { timeoutSeconds: 120 } };
    expect(diffDefinitions(after, slower).settings).toEqual([{ path: 'timeoutSeconds', before: 60, after: 120 }]);
    expect(diffIsEmpty(diffDefinitions(after, after))).toBe(true);
    expect(diffIsEmpty(diffDefinitions(before, after))).toBe(false);
  });
});
