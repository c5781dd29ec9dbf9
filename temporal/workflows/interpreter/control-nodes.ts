import { condition, executeChild, ParentClosePolicy, proxyActivities, sleep, startChild } from '@temporalio/workflow';
import { takesChange } from './engine-revision';
import type {
  ApprovalOutcome,
  ChildRun,
  ControlContext,
  ControlNodeType,
  ControlResult,
} from '../../../lib/connectors/define-node';
import type { DefinitionNode } from '../../../lib/definition/schema';
import type { RunWorkflowInput } from '../../../lib/runs/run-contract';
import type * as activities from '../../activities';
import type { RunContext } from './run-context';
import type { Execution } from './execution';
import { runLoopPasses } from './loop-passes';
import { newChildWorkflowId } from './child-ids';
import type { ForEachWorkflowInput } from '../for-each-workflow';

/** Patch id: a delay writes its WAITING record before it sleeps. */
const DELAY_RECORDED_WAITING = 'delay-recorded-waiting';

const { prepareChildRun } = proxyActivities<typeof activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 5 },
});

/** Loops longer than this run in a child workflow that can continue as new. */
const INLINE_LOOP_ITEMS = 100;

async function runLoop(
  ctx: RunContext,
  node: DefinitionNode,
  items: unknown[],
  concurrency: number,
): Promise<unknown[]> {
  if (items.length <= INLINE_LOOP_ITEMS) {
    const { results } = await runLoopPasses(ctx, node.id, items, concurrency, { results: [], nextIndex: 0 });
    return results;
  }
  await ctx.recorder.flush();
  return executeChild('forEachWorkflow', {
    workflowId: `${ctx.input.runId}:loop:${node.id}:${newChildWorkflowId()}`,
    args: [
      {
        run: ctx.input,
        loopId: node.id,
        items,
        concurrency,
        nextIndex: 0,
        results: [],
        outputs: { ...ctx.outputs },
        vars: { ...ctx.vars },
        generation: 0,
      } satisfies ForEachWorkflowInput,
    ],
  });
}

/** Records the node as waiting from now, live and in the run's records, so its wait is drawn while it lasts. */
function markWaiting(ctx: RunContext, execution: Execution, node: DefinitionNode, input?: unknown) {
  ctx.setLive(node.id, { status: 'WAITING' });
  ctx.recorder.add({
    nodeId: node.id,
    iteration: execution.iteration,
    attempt: 1,
    status: 'WAITING',
    ...(input === undefined ? {} : { input }),
    startedAt: ctx.live.get(node.id)?.startedAt,
  });
}

async function waitForDecision(
  ctx: RunContext,
  execution: Execution,
  node: DefinitionNode,
  request: { message: string; approvers: string[]; timeoutMs?: number },
): Promise<ApprovalOutcome | undefined> {
  // In a loop the same approval node waits once per pass: each pass needs its own decision.
  ctx.approvalDecisions.delete(node.id);
  ctx.waitingApprovals.add(node.id);
  markWaiting(ctx, execution, node, { message: request.message, approvers: request.approvers });
  ctx.status = 'WAITING';
  await ctx.recorder.flush({ status: 'WAITING' });
  const hasDecision = () => ctx.approvalDecisions.has(node.id);
  // Without a timeout, condition() resolves to nothing rather than true.
  let decided: boolean;
  try {
    decided =
      request.timeoutMs === undefined
        ? (await condition(hasDecision), true)
        : await condition(hasDecision, request.timeoutMs);
  } finally {
    // Also when the run is cancelled: a decision arriving while it compensates is refused.
    ctx.waitingApprovals.delete(node.id);
  }
  ctx.status = ctx.waitingApprovals.size > 0 ? 'WAITING' : 'RUNNING';
  await ctx.recorder.flush({ status: ctx.status });
  if (!decided) return undefined;
  const { decision, approver, comment, decidedAt } = ctx.approvalDecisions.get(node.id)!;
  return { decision, approver, comment, decidedAt };
}

async function startChildRun(
  ctx: RunContext,
  request: Parameters<ControlContext<unknown>['startChildRun']>[0],
): Promise<ChildRun> {
  await ctx.recorder.flush();
  const childRunId = newChildWorkflowId();
  const child = await prepareChildRun({
    parentRunId: ctx.input.runId,
    childRunId,
    orgId: ctx.input.orgId,
    workflowId: request.workflowId,
    version: request.version,
    input: request.input,
  });
  const childInput: RunWorkflowInput = {
    runId: childRunId,
    orgId: ctx.input.orgId,
    workflowId: request.workflowId,
    version: child.version,
    definition: child.definition,
    input: request.input,
    requestedAt: ctx.now(),
    // Started by this run, on the revision this run was started on (absent: the same input as before).
    engineRevision: ctx.input.engineRevision,
  };
  const handle = await startChild('runWorkflow', {
    workflowId: childRunId,
    args: [childInput],
    parentClosePolicy: request.outlivesParent ? ParentClosePolicy.ABANDON : ParentClosePolicy.TERMINATE,
  });
  // Async on purpose: one microtask more, standing in for the await this replaced (see runControlNode).
  return { runId: childRunId, result: async () => handle.result() };
}

/**
 * Runs a control node's own behaviour (declared with its type in lib/connectors/nodes/), lending
 * it the interpreter's durable operations for this node.
 *
 * Replay depends on more than the order of commands within one branch: when two branches resume
 * in the same workflow task, the number of microtasks each takes to reach its next command
 * decides which command comes first. These behaviours used to live in this file, so the count
 * is kept as it was: this function is not async (each node's `run` adds the await it removes),
 * and `ChildRun.result` is async (it adds the await the node's `run` no longer makes).
 */
export function runControlNode(
  ctx: RunContext,
  execution: Execution,
  node: DefinitionNode,
  nodeType: ControlNodeType,
  config: unknown,
): ControlResult<unknown> | Promise<ControlResult<unknown>> {
  const context: ControlContext<unknown> = {
    nodeId: node.id,
    config,
    activeSources: () => execution.activeSources(node.id),
    outputOf: (nodeId) => execution.output(nodeId),
    sleep: async (ms) => {
      // The wait is recorded as it starts, so the run page draws it while it lasts. Runs
      // recorded before this replay without it: their histories hold no write for it.
      if (takesChange(ctx.input, DELAY_RECORDED_WAITING, 1)) markWaiting(ctx, execution, node);
      await ctx.recorder.flush();
      await sleep(ms);
    },
    runLoop: (items, concurrency) => runLoop(ctx, node, items, concurrency),
    waitForDecision: (request) => waitForDecision(ctx, execution, node, request),
    startChildRun: (request) => startChildRun(ctx, request),
  };
  return nodeType.run(context);
}
