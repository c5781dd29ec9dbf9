import * as Y from 'yjs';
import { draftEdgeId, draftEdges, draftNodes, sameJson, type DraftEdge } from './draft-doc';

// The edits the canvas makes to a draft document, each in one transaction so that it is one
// step of its author's undo history. Node data stays plain JSON (draft-doc.ts).

/** An id for a new node of `type` that no node has: `http_request`, `http_request_2`, … */
export function newNodeId(doc: Y.Doc, type: string): string {
  const base = (type.split('.').at(-1) ?? 'node').replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=\d)/, '_') || 'node';
  const nodes = draftNodes(doc);
  if (!nodes.has(base)) return base;
  for (let n = 2; ; n++) if (!nodes.has(`${base}_${n}`)) return `${base}_${n}`;
}

export interface NewNode {
  type: string;
  typeVersion?: number;
  position: { x: number; y: number };
  config?: Record<string, unknown>;
  settings?: Record<string, unknown>;
}

/** Adds a node and returns its id. */
export function addNode(doc: Y.Doc, node: NewNode, id = newNodeId(doc, node.type)): string {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set('id', id);
    map.set('type', node.type);
    if (node.typeVersion !== undefined) map.set('typeVersion', node.typeVersion);
    map.set('position', { x: Math.round(node.position.x), y: Math.round(node.position.y) });
    const config = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(node.config ?? {})) config.set(key, value);
    map.set('config', config);
    const settings = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(node.settings ?? {})) settings.set(key, value);
    map.set('settings', settings);
    draftNodes(doc).set(id, map);
  });
  return id;
}

export function moveNodes(doc: Y.Doc, positions: { id: string; position: { x: number; y: number } }[]): void {
  doc.transact(() => {
    for (const { id, position } of positions) {
      draftNodes(doc)
        .get(id)
        ?.set('position', { x: Math.round(position.x), y: Math.round(position.y) });
    }
  });
}

/** Removes nodes with every edge that touches them. */
export function removeNodes(doc: Y.Doc, ids: string[]): void {
  const gone = new Set(ids);
  doc.transact(() => {
    for (const id of ids) draftNodes(doc).delete(id);
    for (const [edgeId, edge] of draftEdges(doc)) {
      if (gone.has(edge.source) || gone.has(edge.target)) draftEdges(doc).delete(edgeId);
    }
  });
}

export function addEdge(doc: Y.Doc, edge: Omit<DraftEdge, 'id'>): string {
  const id = draftEdgeId(edge);
  doc.transact(() => draftEdges(doc).set(id, { id, ...edge }));
  return id;
}

export function removeEdges(doc: Y.Doc, ids: string[]): void {
  doc.transact(() => {
    for (const id of ids) draftEdges(doc).delete(id);
  });
}

function fieldsOf(doc: Y.Doc, nodeId: string, key: 'config' | 'settings'): Y.Map<unknown> | undefined {
  const node = draftNodes(doc).get(nodeId);
  if (!node) return undefined;
  let fields = node.get(key);
  if (!(fields instanceof Y.Map)) {
    fields = new Y.Map<unknown>();
    node.set(key, fields);
  }
  return fields as Y.Map<unknown>;
}

/** Sets one top-level field of a node's config or settings; `undefined` removes it. */
export function setNodeField(doc: Y.Doc, nodeId: string, key: 'config' | 'settings', field: string, value: unknown) {
  doc.transact(() => {
    const fields = fieldsOf(doc, nodeId, key);
    if (!fields) return;
    if (value === undefined) fields.delete(field);
    else if (!sameJson(fields.get(field), value)) fields.set(field, value);
  });
}

export function renameNodeLabel(doc: Y.Doc, nodeId: string, name: string) {
  doc.transact(() => {
    const node = draftNodes(doc).get(nodeId);
    if (!node) return;
    if (name.trim()) node.set('name', name);
    else node.delete('name');
  });
}
