// Types only from the schema: the interpreter uses these helpers in the workflow sandbox, where
// every run evaluates the modules it imports, and the zod schemas would cost it milliseconds.
import type { DefinitionEdge, WorkflowDefinition } from './schema';

/** A stable id for an edge that was given none. */
export const edgeId = (edge: DefinitionEdge) => edge.id ?? `${edge.source}:${edge.sourceHandle}->${edge.target}`;

export const LOOP_NODE_TYPE = 'flow.forEach';

/**
 * Edges that close a for-each loop: they lead back into the loop node from a node its `each`
 * branch reaches. They are the only cycles a definition may contain.
 */
export function loopBackEdges(definition: Pick<WorkflowDefinition, 'nodes' | 'edges'>): Set<string> {
  const loopIds = new Set(definition.nodes.filter((node) => node.type === LOOP_NODE_TYPE).map((node) => node.id));
  const outgoing = new Map<string, DefinitionEdge[]>();
  for (const edge of definition.edges) outgoing.set(edge.source, [...(outgoing.get(edge.source) ?? []), edge]);
  const result = new Set<string>();
  for (const loopId of loopIds) {
    const seen = new Set<string>();
    const stack = (outgoing.get(loopId) ?? [])
      .filter((edge) => edge.sourceHandle === 'each')
      .map((edge) => edge.target);
    while (stack.length) {
      const id = stack.pop()!;
      if (id === loopId || seen.has(id)) continue;
      seen.add(id);
      for (const edge of outgoing.get(id) ?? []) {
        if (edge.target === loopId) result.add(edgeId(edge));
        else stack.push(edge.target);
      }
    }
  }
  return result;
}

/** The nodes of a loop's body: everything its `each` branch reaches before returning to it. */
export function loopBody(definition: Pick<WorkflowDefinition, 'edges'>, loopId: string): Set<string> {
  const body = new Set<string>();
  const stack = definition.edges.filter((e) => e.source === loopId && e.sourceHandle === 'each').map((e) => e.target);
  while (stack.length) {
    const id = stack.pop()!;
    if (id === loopId || body.has(id)) continue;
    body.add(id);
    for (const edge of definition.edges) if (edge.source === id) stack.push(edge.target);
  }
  return body;
}
