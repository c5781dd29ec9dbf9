import { draftEdgeId, sameJson, type DraftDefinition, type DraftEdge, type DraftNode } from '../collab/draft-doc';

/** One field that differs, named by its path from the node (`config.url`, `settings.retry.maximumAttempts`). */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface NodeChange {
  id: string;
  fields: FieldChange[];
}

/** What turns `before` into `after`. Positions are layout, not behaviour: a moved node is unchanged. */
export interface DefinitionDiff {
  nodes: { added: DraftNode[]; removed: DraftNode[]; changed: NodeChange[] };
  edges: { added: DraftEdge[]; removed: DraftEdge[] };
  settings: FieldChange[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Field changes between two values; objects are compared key by key, anything else as a whole. */
function fieldChanges(path: string, before: unknown, after: unknown): FieldChange[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => fieldChanges(path ? `${path}.${key}` : key, before[key], after[key]));
  }
  return sameJson(before, after) ? [] : [{ path, before, after }];
}

function nodeFields(node: DraftNode) {
  return {
    name: node.name,
    type: node.type,
    typeVersion: node.typeVersion,
    config: node.config,
    settings: node.settings,
  };
}

export function diffDefinitions(before: DraftDefinition, after: DraftDefinition): DefinitionDiff {
  const beforeNodes = new Map(before.nodes.map((node) => [node.id, node]));
  const afterNodes = new Map(after.nodes.map((node) => [node.id, node]));
  const changed: NodeChange[] = [];
  for (const node of after.nodes) {
    const old = beforeNodes.get(node.id);
    if (!old) continue;
    const fields = fieldChanges('', nodeFields(old), nodeFields(node));
    if (fields.length) changed.push({ id: node.id, fields });
  }
  // An edge is what it connects: ids differ between a hand-written definition and the canvas.
  const beforeEdges = new Set(before.edges.map(draftEdgeId));
  const afterEdges = new Set(after.edges.map(draftEdgeId));
  return {
    nodes: {
      added: after.nodes.filter((node) => !beforeNodes.has(node.id)),
      removed: before.nodes.filter((node) => !afterNodes.has(node.id)),
      changed,
    },
    edges: {
      added: after.edges.filter((edge) => !beforeEdges.has(draftEdgeId(edge))),
      removed: before.edges.filter((edge) => !afterEdges.has(draftEdgeId(edge))),
    },
    settings: fieldChanges('', before.settings, after.settings),
  };
}

export const diffIsEmpty = (diff: DefinitionDiff) =>
  diff.nodes.added.length + diff.nodes.removed.length + diff.nodes.changed.length === 0 &&
  diff.edges.added.length + diff.edges.removed.length + diff.settings.length === 0;
