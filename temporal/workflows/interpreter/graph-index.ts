import type { DefinitionEdge, DefinitionNode, WorkflowDefinition } from '../../../lib/definition/schema';
import { edgeId, loopBackEdges, loopBody, LOOP_NODE_TYPE } from '../../../lib/definition/graph';

/** Lookups over a definition, built once per run. */
export class GraphIndex {
  readonly nodes = new Map<string, DefinitionNode>();
  readonly outgoing = new Map<string, DefinitionEdge[]>();
  readonly incoming = new Map<string, DefinitionEdge[]>();
  /** Nodes run only to undo others; never part of the normal flow. */
  readonly compensationNodes = new Set<string>();
  private readonly bodies = new Map<string, Set<string>>();

  constructor(readonly definition: WorkflowDefinition) {
    const loopBacks = loopBackEdges(definition);
    for (const node of definition.nodes) {
      this.nodes.set(node.id, node);
      if (node.settings.compensation) this.compensationNodes.add(node.settings.compensation);
      if (node.type === LOOP_NODE_TYPE) this.bodies.set(node.id, loopBody(definition, node.id));
    }
    for (const edge of definition.edges) {
      if (loopBacks.has(edgeId(edge))) continue;
      this.outgoing.set(edge.source, [...(this.outgoing.get(edge.source) ?? []), edge]);
      this.incoming.set(edge.target, [...(this.incoming.get(edge.target) ?? []), edge]);
    }
  }

  node(id: string): DefinitionNode {
    const node = this.nodes.get(id);
    if (!node) throw new Error(`Unknown node "${id}"`);
    return node;
  }

  /** The nodes an execution scope runs: the top level, or one loop's body without nested bodies. */
  scopeNodes(loopId?: string): Set<string> {
    const candidates = loopId ? [...(this.bodies.get(loopId) ?? [])] : [...this.nodes.keys()];
    const nested = new Set<string>();
    for (const [otherLoop, body] of this.bodies) {
      if (otherLoop === loopId) continue;
      if (loopId && !this.bodies.get(loopId)?.has(otherLoop)) continue;
      for (const id of body) nested.add(id);
    }
    return new Set(candidates.filter((id) => !nested.has(id) && !this.compensationNodes.has(id)));
  }

  /** In a loop body, the nodes whose edges return to the loop: their outputs are the iteration's result. */
  loopResultNodes(loopId: string): string[] {
    const sources = this.definition.edges
      .filter((edge) => edge.target === loopId && this.bodies.get(loopId)?.has(edge.source))
      .map((edge) => edge.source);
    // A node may return to the loop from several of its handles (approved and rejected).
    return [...new Set(sources)];
  }
}
