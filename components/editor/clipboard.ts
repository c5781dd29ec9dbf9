import * as Y from 'yjs';
import { readDraft, type DraftEdge, type DraftNode } from '@/lib/collab/draft-doc';
import { addEdge, addNode, newNodeId } from '@/lib/collab/draft-edits';

const MARKER = 'floworchestrator/nodes';

/** The selected nodes, and the edges between them, as JSON text for the clipboard. */
export function copySelection(doc: Y.Doc, nodeIds: Set<string>): string | undefined {
  const { definition } = readDraft(doc);
  const nodes = definition.nodes.filter((node) => nodeIds.has(node.id));
  if (nodes.length === 0) return undefined;
  const edges = definition.edges.filter((edge) => nodeIds.has(edge.source) && nodeIds.has(edge.target));
  return JSON.stringify({ [MARKER]: 1, nodes, edges });
}

/**
 * Adds what copySelection wrote (from this workflow or another) with fresh ids, shifted so the
 * copy does not hide the original; returns the new ids, or undefined if the text is not ours.
 */
export function pasteNodes(doc: Y.Doc, text: string): string[] | undefined {
  let parsed: { nodes?: DraftNode[]; edges?: DraftEdge[] };
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object' || !(MARKER in parsed) || !Array.isArray(parsed.nodes)) return undefined;
  const renamed = new Map<string, string>();
  doc.transact(() => {
    for (const node of parsed.nodes!) {
      const id = newNodeId(doc, node.id.replace(/_\d+$/, '') || node.type);
      renamed.set(node.id, id);
      addNode(doc, { ...node, position: { x: node.position.x + 40, y: node.position.y + 40 } }, id);
      if (node.name) doc.getMap<Y.Map<unknown>>('nodes').get(id)?.set('name', node.name);
    }
    for (const edge of parsed.edges ?? []) {
      const source = renamed.get(edge.source);
      const target = renamed.get(edge.target);
      if (source && target) addEdge(doc, { source, sourceHandle: edge.sourceHandle, target });
    }
  });
  return [...renamed.values()];
}
