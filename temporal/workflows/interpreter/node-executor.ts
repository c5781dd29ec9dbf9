import { isCancellation } from '@temporalio/workflow';
import { resolveTemplates } from '../../../lib/definition/expressions';
import { NodeFailure, outputHandles, type NodeType } from '../../../lib/connectors/define-node';
import { workflowNodeTypes } from '../../../lib/connectors/workflow-nodes';
import { nodeKey } from '../../../lib/connectors/node-key';
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

const workflowTypes = new Map(workflowNodeTypes.map((type) => [nodeKey(type.type, type.version), type]));
const now = () => new Date().toISOString();

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

async function runPureNode(
  ctx: RunContext,
  execution: Execution,
  node: DefinitionNode,
  nodeType: NodeType,
  config: unknown,
): Promise<NodeResult> {
  if (nodeType.kind !== 'pure') throw new Error(`${node.type} is not a pure node`);
  const parsed = parseConfig(node, nodeType, config);
  const result = await nodeType.execute({ nodeId: node.id, config: parsed, scope: execution.scope() });
  if (result.setVars) Object.assign(ctx.vars, result.setVars);
  if (result.runOutput !== undefined) ctx.runOutput = result.runOutput;
  return { output: result.output ?? null, handles: result.handles ?? outputHandles(nodeType, parsed) };
}

/** Runs one node and records it; never throws: the outcome says how it ended. */
export async function executeNode(ctx: RunContext, execution: Execution, nodeId: string): Promise<NodeOutcome> {
  const node = ctx.graph.node(nodeId);
  const iteration = execution.iteration;
  const startedAt = now();
  const reused = execution.pass ? undefined : ctx.reused(nodeId);
  if (reused) {
    ctx.setLive(nodeId, { status: 'SUCCEEDED', iteration, startedAt, endedAt: startedAt });
    ctx.recorder.add({
      nodeId,
      iteration,
      attempt: 1,
      status: 'SUCCEEDED',
      output: reused.output,
      handles: reused.handles,
      startedAt,
      endedAt: startedAt,
    });
    return { status: 'SUCCEEDED', output: reused.output, handles: reused.handles };
  }
  const nodeType = workflowTypes.get(nodeKey(node.type, node.typeVersion));
  // Activity nodes record their own attempts from inside the activity.
  const recordsItself = !nodeType;
  ctx.setLive(nodeId, { status: 'RUNNING', iteration, attempt: 1, startedAt });
  try {
    const config = resolveTemplates(node.config, execution.scope(), nodeId);
    let result: NodeResult;
    if (!nodeType) result = await runActivityNode(ctx, execution, node, config);
    else if (nodeType.kind === 'pure') result = await runPureNode(ctx, execution, node, nodeType, config);
    else result = await runControlNode(ctx, execution, node, nodeType, parseConfig(node, nodeType, config));
    const endedAt = now();
    ctx.setLive(nodeId, { status: 'SUCCEEDED', endedAt });
    if (!recordsItself) {
      ctx.recorder.add({
        nodeId,
        iteration,
        attempt: 1,
        status: 'SUCCEEDED',
        output: result.output,
        handles: result.handles,
        startedAt,
        endedAt,
      });
    }
    if (node.settings.compensation) ctx.completedWithCompensation.push({ nodeId, iteration, output: result.output });
    return { status: 'SUCCEEDED', ...result };
  } catch (error) {
    const endedAt = now();
    if (isCancellation(error)) {
      ctx.setLive(nodeId, { status: 'CANCELLED', endedAt });
      ctx.recorder.add({ nodeId, iteration, attempt: 1, status: 'CANCELLED', startedAt, endedAt });
      return { status: 'CANCELLED', cancellation: error };
    }
    const info = toErrorInfo(error);
    ctx.setLive(nodeId, { status: 'FAILED', endedAt, error: info });
    if (!recordsItself)
      ctx.recorder.add({ nodeId, iteration, attempt: 1, status: 'FAILED', error: info, startedAt, endedAt });
    const onError = node.settings.onError;
    if (onError === 'fail') return { status: 'FAILED', error: info };
    const handles = onError === 'error-branch' ? ['error'] : nodeType ? outputHandles(nodeType, node.config) : ['out'];
    return { status: 'SUCCEEDED', output: { error: info }, handles };
  }
}
