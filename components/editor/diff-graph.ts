import type { DraftDefinition } from '@/lib/collab/draft-doc';
import type { DefinitionDiff } from '@/lib/workflows/definition-diff';

export type DiffMark = 'added' | 'removed' | 'changed';

export interface DiffGraph {
  /** The newer graph plus, where they stood, the nodes and edges it no longer has. */
  definition: DraftDefinition;
  nodeMarks: Map<string, DiffMark>;
  edgeMarks: Map<string, Exclude<DiffMark, 'changed'>>;
}

/** Both sides of a diff on one canvas, each node and edge marked with what happened to it. */
export function diffGraph(after: DraftDefinition, diff: DefinitionDiff): DiffGraph {
  const nodeMarks = new Map<string, DiffMark>();
  for (const node of diff.nodes.added) nodeMarks.set(node.id, 'added');
  for (const node of diff.nodes.removed) nodeMarks.set(node.id, 'removed');
  for (const change of diff.nodes.changed) nodeMarks.set(change.id, 'changed');
  const edgeMarks = new Map<string, 'added' | 'removed'>();
  const addedIds = new Set(diff.edges.added.map((edge) => edge.id));
  for (const id of addedIds) edgeMarks.set(id, 'added');
  // Prefixed: the newer graph may use a removed edge's id for another connection.
  const removedEdges = diff.edges.removed.map((edge) => ({ ...edge, id: `removed:${edge.id}` }));
  for (const edge of removedEdges) edgeMarks.set(edge.id, 'removed');
  return {
    definition: {
      nodes: [...after.nodes, ...diff.nodes.removed],
      edges: [...after.edges, ...removedEdges],
      settings: after.settings,
    },
    nodeMarks,
    edgeMarks,
  };
}
