import { isCancellation } from '@temporalio/workflow';
import { resolveTemplates } from '../../../lib/definition/expressions';
import { NodeFailure, outputHandles, type NodeType, type PureNodeType } from '../../../lib/connectors/define-node';
import { findWorkflowNodeType } from '../../../lib/connectors/workflow-nodes';
import type { NodeErrorInfo } from '../../../lib/runs/run-contract';
import type { DefinitionNode } from '../../../lib/definition/schema';
import type { RunContext } from './run-context';
import type { Execution } from './execution';
import { toErrorInfo } from './error-info';
import { runControlNode } from './control-nodes';
import { runActivityNode } from './activity-node';

export type NodeOutcome =
  | { status: 'SUCCEEDED'; output: unknown; handles: string[] }
  | { status: 'FAILED'; error: NodeErrorInfo }
  | { status: 'CANCELLED'; cancellation: unknown };

export interface NodeResult {
  output: unknown;
  handles: string[];
}

export function recordSkipped(ctx: RunContext, nodeId: string, iteration: number) {
  ctx.setLive(nodeId, { status: 'SKIPPED', iteration });
  ctx.recorder.add({ nodeId, iteration, attempt: 1, status: 'SKIPPED' });
}

/** Parses resolved config with the node's schema; a failure names the node and the path. */
export function parseConfig(node: DefinitionNode, nodeType: NodeType, config: unknown): unknown {
  const parsed = nodeType.config.safeParse(config);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = ['config', ...issue.path].join('.');
  throw new NodeFailure(`Node "${node.id}", ${path}: ${issue.message}`, {
    type: 'InvalidConfig',
    nonRetryable: true,
    details: parsed.error.issues.map((i) => ({ path: ['config', ...i.path].join('.'), message: i.message })),
  });
}

function runPureNode(
  ctx: RunContext,
  execution: Execution,
  node: DefinitionNode,
  nodeType: PureNodeType,
  config: unknown,
): NodeResult {
  const parsed = parseConfig(node, nodeType, config);
  const result = nodeType.execute({
    nodeId: node.id,
    config: parsed,
    scope: execution.scope(),
    meter: ctx.expressionMeter,
  });
  if (result.setVars) Object.assign(ctx.vars, result.setVars);
  if (result.runOutput !== undefined) ctx.runOutput = result.runOutput;
  return { output: result.output ?? null, handles: result.handles ?? outputHandles(nodeType, parsed) };
}

interface Attempt {
  node: DefinitionNode;
  nodeType?: NodeType;
  iteration: number;
  startedAt: string;
  /** Activity nodes record their own attempts from inside the activity. */
  recordsItself: boolean;
}

function succeeded(ctx: RunContext, attempt: Attempt, result: NodeResult): NodeOutcome {
  const { node, iteration, startedAt } = attempt;
  const endedAt = ctx.now();
  ctx.setLive(node.id, { status: 'SUCCEEDED', endedAt });
  if (!attempt.recordsItself) {
    const { output, handles } = result;
    ctx.recorder.add({
      nodeId: node.id,
      iteration,
      attempt: 1,
      status: 'SUCCEEDED',
      output,
      handles,
      startedAt,
      endedAt,
    });
  }
  if (node.settings.compensation)
    ctx.completedWithCompensation.push({ nodeId: node.id, iteration, output: result.output });
  return { status: 'SUCCEEDED', ...result };
}

/** Records a failure and applies the node's onError setting. */
function failed(ctx: RunContext, attempt: Attempt, error: unknown): NodeOutcome {
  const { node, nodeType, iteration, startedAt } = attempt;
  const endedAt = ctx.now();
  if (isCancellation(error)) {
    ctx.setLive(node.id, { status: 'CANCELLED', endedAt });
    ctx.recorder.add({ nodeId: node.id, iteration, attempt: 1, status: 'CANCELLED', startedAt, endedAt });
    return { status: 'CANCELLED', cancellation: error };
  }
  const info = toErrorInfo(error);
  ctx.setLive(node.id, { status: 'FAILED', endedAt, error: info });
  if (!attempt.recordsItself) {
    ctx.recorder.add({ nodeId: node.id, iteration, attempt: 1, status: 'FAILED', error: info, startedAt, endedAt });
  }
  const onError = node.settings.onError;
  if (onError === 'fail') return { status: 'FAILED', error: info };
  const handles = onError === 'error-branch' ? ['error'] : nodeType ? outputHandles(nodeType, node.config) : ['out'];
  return { status: 'SUCCEEDED', output: { error: info }, handles };
}

function begin(ctx: RunContext, execution: Execution, nodeId: string): Attempt {
  const node = ctx.graph.node(nodeId);
  const nodeType = findWorkflowNodeType(node.type, node.typeVersion);
  const attempt = { node, nodeType, iteration: execution.iteration, startedAt: ctx.now(), recordsItself: !nodeType };
  ctx.setLive(nodeId, { status: 'RUNNING', iteration: attempt.iteration, attempt: 1, startedAt: attempt.startedAt });
  return attempt;
}

/**
 * Settles a node that needs no waiting, without creating a promise: a reused step or a pure
 * node. In the workflow sandbox every promise costs a captured stack trace, and most nodes of a
 * typical flow are pure. Returns null for nodes that must wait (activities and control nodes).
 */
export function executeNodeNow(ctx: RunContext, execution: Execution, nodeId: string): NodeOutcome | null {
  const reused = execution.pass ? undefined : ctx.reused(nodeId);
  if (reused) {
    const iteration = execution.iteration;
    const at = ctx.now();
    ctx.setLive(nodeId, { status: 'SUCCEEDED', iteration, startedAt: at, endedAt: at });
    ctx.recorder.add({ nodeId, iteration, attempt: 1, status: 'SUCCEEDED', ...reused, startedAt: at, endedAt: at });
    return { status: 'SUCCEEDED', ...reused };
  }
  const node = ctx.graph.node(nodeId);
  const nodeType = findWorkflowNodeType(node.type, node.typeVersion);
  if (nodeType?.kind !== 'pure') return null;
  const attempt = begin(ctx, execution, nodeId);
  try {
    const config = resolveTemplates(node.config, execution.scope(), nodeId, ctx.expressionMeter);
    return succeeded(ctx, attempt, runPureNode(ctx, execution, node, nodeType, config));
  } catch (error) {
    return failed(ctx, attempt, error);
  }
}

/** Runs an activity or control node and records it; never throws: the outcome says how it ended. */
export async function executeNodeLater(ctx: RunContext, execution: Execution, nodeId: string): Promise<NodeOutcome> {
  const attempt = begin(ctx, execution, nodeId);
  const { node, nodeType } = attempt;
  try {
    const config = resolveTemplates(node.config, execution.scope(), nodeId, ctx.expressionMeter);
    const result =
      nodeType?.kind === 'control'
        ? await runControlNode(ctx, execution, node, nodeType, parseConfig(node, nodeType, config))
        : await runActivityNode(ctx, execution, node, config);
    return succeeded(ctx, attempt, result);
  } catch (error) {
    return failed(ctx, attempt, error);
  }
}

/** Runs any node to its outcome. */
export async function executeNode(ctx: RunContext, execution: Execution, nodeId: string): Promise<NodeOutcome> {
  return executeNodeNow(ctx, execution, nodeId) ?? executeNodeLater(ctx, execution, nodeId);
}
