import {
  condition,
  executeChild,
  ParentClosePolicy,
  proxyActivities,
  sleep,
  startChild,
  uuid4,
} from '@temporalio/workflow';
import type { NodeType } from '../../../lib/connectors/define-node';
import type { DefinitionNode } from '../../../lib/definition/schema';
import type { RunWorkflowInput } from '../../../lib/runs/run-contract';
import type * as activities from '../../activities';
import type { RunContext } from './run-context';
import type { Execution } from './execution';
import { runLoopPasses } from './loop-passes';
import type { ForEachWorkflowInput } from '../for-each-workflow';
import type { NodeResult } from './node-executor';

const { prepareChildRun } = proxyActivities<typeof activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 5 },
});

type MergeConfig = { mode: 'wait-all' | 'first' };
type ForEachConfig = { items: unknown[]; concurrency: number };
type DelayConfig = { mode: 'duration'; durationMs: number } | { mode: 'until'; until: string };
type ApprovalConfig = { message: string; approvers: string[]; timeoutMs?: number };
type SubWorkflowConfig = { workflowId: string; version?: number; input?: unknown; wait: boolean };

function merge(execution: Execution, node: DefinitionNode, config: MergeConfig): NodeResult {
  const sources = execution.activeSources(node.id);
  const output =
    config.mode === 'first'
      ? execution.output(sources[0])
      : Object.fromEntries(sources.map((source) => [source, execution.output(source)]));
  return { output, handles: ['out'] };
}

/** Loops longer than this run in a child workflow that can continue as new. */
const INLINE_LOOP_ITEMS = 100;

/** Runs the loop body once per item, `concurrency` passes at a time; results keep item order. */
async function forEach(ctx: RunContext, node: DefinitionNode, config: ForEachConfig): Promise<NodeResult> {
  if (config.items.length <= INLINE_LOOP_ITEMS) {
    const { results } = await runLoopPasses(ctx, node.id, config.items, config.concurrency, {
      results: [],
      nextIndex: 0,
    });
    return { output: results, handles: ['done'] };
  }
  await ctx.recorder.flush();
  const results = await executeChild('forEachWorkflow', {
    workflowId: `${ctx.input.runId}:loop:${node.id}:${uuid4()}`,
    args: [
      {
        run: ctx.input,
        loopId: node.id,
        items: config.items,
        concurrency: config.concurrency,
        nextIndex: 0,
        results: [],
        outputs: { ...ctx.outputs },
        vars: { ...ctx.vars },
        generation: 0,
      } satisfies ForEachWorkflowInput,
    ],
  });
  return { output: results, handles: ['done'] };
}

async function delay(ctx: RunContext, config: DelayConfig): Promise<NodeResult> {
  const waitMs = config.mode === 'duration' ? config.durationMs : Math.max(0, Date.parse(config.until) - Date.now());
  await ctx.recorder.flush();
  await sleep(waitMs);
  return { output: { waitedMs: waitMs }, handles: ['out'] };
}

async function approval(
  ctx: RunContext,
  execution: Execution,
  node: DefinitionNode,
  config: ApprovalConfig,
): Promise<NodeResult> {
  // In a loop the same approval node waits once per pass: each pass needs its own decision.
  ctx.approvalDecisions.delete(node.id);
  ctx.waitingApprovals.add(node.id);
  ctx.setLive(node.id, { status: 'WAITING' });
  ctx.recorder.add({
    nodeId: node.id,
    iteration: execution.iteration,
    attempt: 1,
    status: 'WAITING',
    input: { message: config.message, approvers: config.approvers },
    // When the wait began, so a live trace can draw it while it lasts.
    startedAt: ctx.live.get(node.id)?.startedAt,
  });
  ctx.status = 'WAITING';
  await ctx.recorder.flush({ status: 'WAITING' });
  const hasDecision = () => ctx.approvalDecisions.has(node.id);
  // Without a timeout, condition() resolves to nothing rather than true.
  const decided =
    config.timeoutMs === undefined
      ? (await condition(hasDecision), true)
      : await condition(hasDecision, config.timeoutMs);
  ctx.waitingApprovals.delete(node.id);
  ctx.status = ctx.waitingApprovals.size > 0 ? 'WAITING' : 'RUNNING';
  await ctx.recorder.flush({ status: ctx.status });
  if (!decided) {
    return { output: { decision: 'timeout', decidedAt: new Date().toISOString() }, handles: ['timeout'] };
  }
  const { decision, approver, comment, decidedAt } = ctx.approvalDecisions.get(node.id)!;
  return { output: { decision, approver, comment, decidedAt }, handles: [decision] };
}

async function subWorkflow(ctx: RunContext, node: DefinitionNode, config: SubWorkflowConfig): Promise<NodeResult> {
  await ctx.recorder.flush();
  const childRunId = uuid4();
  const child = await prepareChildRun({
    parentRunId: ctx.input.runId,
    childRunId,
    orgId: ctx.input.orgId,
    workflowId: config.workflowId,
    version: config.version,
    input: config.input ?? null,
  });
  const childInput: RunWorkflowInput = {
    runId: childRunId,
    orgId: ctx.input.orgId,
    workflowId: config.workflowId,
    version: child.version,
    definition: child.definition,
    input: config.input ?? null,
    requestedAt: new Date().toISOString(),
  };
  const handle = await startChild('runWorkflow', {
    workflowId: childRunId,
    args: [childInput],
    // Fire-and-forget children outlive their parent; awaited ones end with it.
    parentClosePolicy: config.wait ? ParentClosePolicy.TERMINATE : ParentClosePolicy.ABANDON,
  });
  if (!config.wait) return { output: { runId: childRunId }, handles: ['out'] };
  const output = await handle.result();
  return { output: { runId: childRunId, output }, handles: ['out'] };
}

/** The interpreter's own node types: joins, loops, timers, waits and child runs. */
export async function runControlNode(
  ctx: RunContext,
  execution: Execution,
  node: DefinitionNode,
  nodeType: NodeType,
  config: unknown,
): Promise<NodeResult> {
  switch (nodeType.type) {
    case 'flow.merge':
      return merge(execution, node, config as MergeConfig);
    case 'flow.forEach':
      return forEach(ctx, node, config as ForEachConfig);
    case 'flow.delay':
      return delay(ctx, config as DelayConfig);
    case 'human.approval':
      return approval(ctx, execution, node, config as ApprovalConfig);
    case 'flow.subWorkflow':
      return subWorkflow(ctx, node, config as SubWorkflowConfig);
    default:
      throw new Error(`The interpreter has no implementation for control node ${nodeType.type}`);
  }
}
