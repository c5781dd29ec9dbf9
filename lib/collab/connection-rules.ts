import { LOOP_NODE_TYPE } from '../definition/graph';
import type { DraftEdge } from './draft-doc';

interface GraphShape {
  nodes: { id: string; type: string }[];
  edges: Pick<DraftEdge, 'source' | 'sourceHandle' | 'target'>[];
}

/**
 * Why the canvas refuses a new edge, or undefined if it may be drawn: a node cannot feed itself,
 * the same connection cannot be drawn twice, and a cycle is allowed only when it closes a
 * for-each loop (leads back into the loop node from its `each` body).
 */
export function connectionRefusal(graph: GraphShape, edge: GraphShape['edges'][number]): string | undefined {
  if (edge.source === edge.target) return 'A node cannot connect to itself';
  if (
    graph.edges.some(
      (e) => e.source === edge.source && e.sourceHandle === edge.sourceHandle && e.target === edge.target,
    )
  ) {
    return 'These nodes are already connected by that output';
  }
  const outgoing = new Map<string, string[]>();
  for (const e of graph.edges) outgoing.set(e.source, [...(outgoing.get(e.source) ?? []), e.target]);
  // Does the target already reach the source? Then the new edge closes a cycle.
  const path = new Set<string>();
  const stack = [edge.target];
  let cycle = false;
  while (stack.length) {
    const id = stack.pop()!;
    if (id === edge.source) cycle = true;
    if (path.has(id)) continue;
    path.add(id);
    stack.push(...(outgoing.get(id) ?? []));
  }
  if (!cycle) return undefined;
  const target = graph.nodes.find((node) => node.id === edge.target);
  if (target?.type === LOOP_NODE_TYPE) return undefined;
  return 'This connection would make a cycle: only a for-each loop may lead back to an earlier node';
}
