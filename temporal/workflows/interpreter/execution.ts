import { CancellationScope } from '@temporalio/workflow';
import { edgeId } from '../../../lib/definition/graph';
import type { NodeErrorInfo } from '../../../lib/runs/run-contract';
import type { ExpressionScope } from '../../../lib/definition/expressions';
import type { RunContext } from './run-context';
import { findWorkflowNodeType } from '../../../lib/connectors/workflow-nodes';
import { executeNodeLater, executeNodeNow, recordSkipped, type NodeOutcome } from './node-executor';

export class RunFailed extends Error {
  override name = 'RunFailed';
  constructor(
    readonly nodeId: string,
    readonly info: NodeErrorInfo,
  ) {
    super(`Node "${nodeId}" failed: ${info.message}`);
  }
}

export interface LoopPass {
  loopId: string;
  item: unknown;
  index: number;
}

/**
 * Runs one scope of the graph: the top level, or one pass of a loop body. A node starts once
 * every incoming edge is decided and at least one is taken (a first-mode merge starts on the
 * first); a node whose incoming edges are all dead is skipped, and so are the edges it would
 * have taken. Independent branches run concurrently. The first failure cancels its siblings.
 */
export class Execution {
  private readonly nodes: Set<string>;
  private readonly edgeStates = new Map<string, 'active' | 'dead'>();
  private readonly started = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly cancellation = new CancellationScope();
  /** Outputs of this loop pass, layered over the run's outputs for expressions. */
  readonly localOutputs?: Record<string, { output: unknown }>;
  private failure?: RunFailed;
  private cancelledBy?: unknown;

  constructor(
    private readonly ctx: RunContext,
    readonly pass?: LoopPass,
  ) {
    this.nodes = ctx.graph.scopeNodes(pass?.loopId);
    if (pass) this.localOutputs = {};
  }

  get iteration(): number {
    return this.pass?.index ?? 0;
  }

  scope(): ExpressionScope {
    return this.ctx.scope(this.pass ? { item: this.pass.item, index: this.pass.index } : undefined, this.localOutputs);
  }

  output(nodeId: string): unknown {
    return (this.localOutputs?.[nodeId] ?? this.ctx.outputs[nodeId])?.output;
  }

  /** Sources of the taken edges into a node, in the order they were taken. */
  activeSources(nodeId: string): string[] {
    return this.incoming(nodeId)
      .filter((edge) => this.edgeStates.get(edgeId(edge)) === 'active')
      .map((edge) => edge.source);
  }

  async run(): Promise<void> {
    await this.cancellation.run(async () => {
      if (this.pass) {
        for (const edge of this.ctx.graph.outgoing.get(this.pass.loopId) ?? []) {
          if (this.nodes.has(edge.target))
            this.edgeStates.set(edgeId(edge), edge.sourceHandle === 'each' ? 'active' : 'dead');
        }
      }
      for (const id of this.nodes) this.consider(id);
      while (this.inFlight.size > 0) await Promise.race(this.inFlight);
    });
    if (this.failure) throw this.failure;
    if (this.cancelledBy) throw this.cancelledBy;
  }

  private incoming(nodeId: string) {
    return (this.ctx.graph.incoming.get(nodeId) ?? []).filter(
      (edge) => this.nodes.has(edge.source) || edge.source === this.pass?.loopId,
    );
  }

  private consider(nodeId: string) {
    if (this.started.has(nodeId) || !this.nodes.has(nodeId) || this.failure || this.cancelledBy) return;
    const incoming = this.incoming(nodeId);
    const node = this.ctx.graph.node(nodeId);
    // Activity nodes are not in the workflow's registry: none starts a scope or on its first input.
    const nodeType = findWorkflowNodeType(node.type, node.typeVersion);
    if (incoming.length === 0) {
      // Only triggers start a scope without incoming edges; validation rejects the rest.
      if (!this.pass && nodeType?.startsScope) this.start(nodeId);
      return;
    }
    const states = incoming.map((edge) => this.edgeStates.get(edgeId(edge)));
    const anyActive = states.includes('active');
    const allDecided = states.every((state) => state !== undefined);
    const startsOnFirst = nodeType?.startsOnFirstInput?.(node.config) ?? false;
    if (anyActive && (allDecided || startsOnFirst)) this.start(nodeId);
    else if (allDecided) {
      this.started.add(nodeId);
      recordSkipped(this.ctx, nodeId, this.iteration);
      this.propagate(nodeId, []);
    }
  }

  private start(nodeId: string) {
    this.started.add(nodeId);
    const settled = executeNodeNow(this.ctx, this, nodeId);
    if (settled) {
      this.settle(nodeId, settled);
      return;
    }
    const task: Promise<void> = executeNodeLater(this.ctx, this, nodeId)
      .then((outcome) => this.settle(nodeId, outcome))
      .finally(() => this.inFlight.delete(task));
    this.inFlight.add(task);
  }

  private settle(nodeId: string, outcome: NodeOutcome) {
    if (outcome.status === 'FAILED') {
      this.failure ??= new RunFailed(nodeId, outcome.error!);
      this.cancellation.cancel();
      return;
    }
    if (outcome.status === 'CANCELLED') {
      this.cancelledBy ??= outcome.cancellation;
      return;
    }
    if (this.localOutputs) this.localOutputs[nodeId] = { output: outcome.output };
    else this.ctx.outputs[nodeId] = { output: outcome.output };
    this.propagate(nodeId, outcome.handles);
  }

  private propagate(nodeId: string, takenHandles: string[]) {
    const targets: string[] = [];
    for (const edge of this.ctx.graph.outgoing.get(nodeId) ?? []) {
      if (!this.nodes.has(edge.target)) continue;
      this.edgeStates.set(edgeId(edge), takenHandles.includes(edge.sourceHandle) ? 'active' : 'dead');
      targets.push(edge.target);
    }
    for (const target of targets) this.consider(target);
  }
}
