import * as Y from 'yjs';

// The draft of a workflow as a Yjs document, owned by the collab server and edited by every
// open canvas, the REST API (through the collab server) and tests. Everything in it is plain
// JSON: a node is a Y.Map whose `config` and `settings` are Y.Maps of plain values, so two people
// editing different fields of one node both keep their edit; an edge is one plain object.
//
//   meta:  name, description, settings (the workflow's settings)
//   nodes: node id → Y.Map { id, type, typeVersion, name?, position, config: Y.Map, settings: Y.Map }
//   edges: edge id → { id, source, sourceHandle, target }

export interface DraftNode {
  id: string;
  type: string;
  typeVersion?: number;
  name?: string;
  position: { x: number; y: number };
  config: Record<string, unknown>;
  settings: Record<string, unknown>;
}

export interface DraftEdge {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
}

/** A definition as the draft holds it: possibly incomplete or invalid, validated at publish. */
export interface DraftDefinition {
  nodes: DraftNode[];
  edges: DraftEdge[];
  settings: Record<string, unknown>;
}

export interface WorkflowDraft {
  name: string;
  description: string;
  definition: DraftDefinition;
}

export const draftMeta = (doc: Y.Doc) => doc.getMap<unknown>('meta');
export const draftNodes = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('nodes');
export const draftEdges = (doc: Y.Doc) => doc.getMap<DraftEdge>('edges');

/** The id an edge gets when it has none: one edge per source handle and target. */
export const draftEdgeId = (edge: { source: string; sourceHandle?: string; target: string }) =>
  `${edge.source}:${edge.sourceHandle ?? 'out'}->${edge.target}`;

export const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const plainObject = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

function mapToObject(map: unknown): Record<string, unknown> {
  return map instanceof Y.Map ? (map.toJSON() as Record<string, unknown>) : {};
}

export function readNode(node: Y.Map<unknown>): DraftNode {
  const position = plainObject(node.get('position'));
  const name = node.get('name');
  const typeVersion = node.get('typeVersion');
  return {
    id: String(node.get('id')),
    type: String(node.get('type') ?? ''),
    ...(typeof typeVersion === 'number' ? { typeVersion } : {}),
    ...(typeof name === 'string' && name !== '' ? { name } : {}),
    position: { x: Number(position.x) || 0, y: Number(position.y) || 0 },
    config: mapToObject(node.get('config')),
    settings: mapToObject(node.get('settings')),
  };
}

/** The whole draft as plain JSON; nodes and edges in a stable order (by id). */
export function readDraft(doc: Y.Doc): WorkflowDraft {
  const meta = draftMeta(doc);
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    name: String(meta.get('name') ?? ''),
    description: String(meta.get('description') ?? ''),
    definition: {
      nodes: [...draftNodes(doc).values()].map(readNode).sort(byId),
      edges: [...draftEdges(doc).values()].map((edge) => ({ ...edge })).sort(byId),
      settings: plainObject(meta.get('settings')),
    },
  };
}

/** Sets `target`'s fields to `values`, touching only the fields that differ. */
function syncFields(target: Y.Map<unknown>, values: Record<string, unknown>) {
  for (const key of [...target.keys()]) if (!(key in values)) target.delete(key);
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && !sameJson(target.get(key), value)) target.set(key, value);
  }
}

function syncNode(node: Y.Map<unknown>, values: DraftNode) {
  const scalars = {
    id: values.id,
    type: values.type,
    typeVersion: values.typeVersion,
    name: values.name,
    position: values.position,
  };
  for (const [key, value] of Object.entries(scalars)) {
    if (value === undefined) node.delete(key);
    else if (!sameJson(node.get(key), value)) node.set(key, value);
  }
  for (const key of ['config', 'settings'] as const) {
    let fields = node.get(key);
    if (!(fields instanceof Y.Map)) {
      fields = new Y.Map<unknown>();
      node.set(key, fields);
    }
    syncFields(fields as Y.Map<unknown>, values[key]);
  }
}

/**
 * Makes the document say `draft`, changing only what differs, in one transaction: an editor that
 * has the document open sees exactly the nodes, fields and edges that changed.
 */
export function writeDraft(doc: Y.Doc, draft: Partial<WorkflowDraft>, origin?: unknown): void {
  doc.transact(() => {
    const meta = draftMeta(doc);
    if (draft.name !== undefined && meta.get('name') !== draft.name) meta.set('name', draft.name);
    if (draft.description !== undefined && meta.get('description') !== draft.description) {
      meta.set('description', draft.description);
    }
    const definition = draft.definition;
    if (!definition) return;
    if (!sameJson(meta.get('settings'), definition.settings)) meta.set('settings', definition.settings);
    const nodes = draftNodes(doc);
    const wanted = new Map(definition.nodes.map((node) => [node.id, node]));
    for (const id of [...nodes.keys()]) if (!wanted.has(id)) nodes.delete(id);
    for (const [id, values] of wanted) {
      let node = nodes.get(id);
      if (!node) {
        node = new Y.Map<unknown>();
        nodes.set(id, node);
      }
      syncNode(node, values);
    }
    const edges = draftEdges(doc);
    const wantedEdges = new Map(definition.edges.map((edge) => [edge.id, edge]));
    for (const id of [...edges.keys()]) if (!wantedEdges.has(id)) edges.delete(id);
    for (const [id, edge] of wantedEdges) if (!sameJson(edges.get(id), edge)) edges.set(id, { ...edge });
  }, origin);
}

/**
 * A definition as the API accepts it (`{ nodes, edges, settings }`, positions included) turned
 * into draft shape: defaults filled where the draft needs a value, edge ids made explicit.
 */
export function toDraftDefinition(definition: unknown): DraftDefinition {
  const input = plainObject(definition);
  const nodes = (Array.isArray(input.nodes) ? input.nodes : []).map((raw) => {
    const node = plainObject(raw);
    const position = plainObject(node.position);
    return {
      id: String(node.id ?? ''),
      type: String(node.type ?? ''),
      ...(typeof node.typeVersion === 'number' ? { typeVersion: node.typeVersion } : {}),
      ...(typeof node.name === 'string' ? { name: node.name } : {}),
      position: { x: Number(position.x) || 0, y: Number(position.y) || 0 },
      config: plainObject(node.config),
      settings: plainObject(node.settings),
    };
  });
  const edges = (Array.isArray(input.edges) ? input.edges : []).map((raw) => {
    const edge = plainObject(raw);
    const plain = {
      source: String(edge.source ?? ''),
      sourceHandle: typeof edge.sourceHandle === 'string' ? edge.sourceHandle : 'out',
      target: String(edge.target ?? ''),
    };
    return { id: typeof edge.id === 'string' ? edge.id : draftEdgeId(plain), ...plain };
  });
  return { nodes, edges, settings: plainObject(input.settings) };
}
