import {
  ApplicationFailure,
  CancellationScope,
  defineQuery,
  defineSignal,
  defineUpdate,
  isCancellation,
  setHandler,
} from '@temporalio/workflow';
import {
  APPROVAL_DECISION_SIGNAL,
  DECIDE_APPROVAL_UPDATE,
  LIVE_STATE_QUERY,
  type ApprovalDecision,
  type LiveRunState,
  type NodeErrorInfo,
  type RunWorkflowInput,
} from '../../lib/runs/run-contract';
import { RunContext } from './interpreter/run-context';
import { Execution, RunFailed } from './interpreter/execution';
import { compensate } from './interpreter/compensation';
import { toErrorInfo } from './interpreter/error-info';
import { startErrorWorkflow } from './interpreter/error-workflow';

export const liveStateQuery = defineQuery<LiveRunState>(LIVE_STATE_QUERY);
export const decideApprovalUpdate = defineUpdate<void, [ApprovalDecision]>(DECIDE_APPROVAL_UPDATE);
export const approvalDecisionSignal = defineSignal<[ApprovalDecision]>(APPROVAL_DECISION_SIGNAL);

const now = () => new Date().toISOString();

function approvalProblem(ctx: RunContext, decision: ApprovalDecision): string | null {
  const node = ctx.graph.nodes.get(decision.nodeId);
  if (!node || node.type !== 'human.approval') return `Node "${decision.nodeId}" is not an approval step of this run`;
  if (ctx.approvalDecisions.has(decision.nodeId)) return `Approval "${decision.nodeId}" was already decided`;
  if (!ctx.waitingApprovals.has(decision.nodeId)) return `Approval "${decision.nodeId}" is not waiting for a decision`;
  if (decision.decision !== 'approved' && decision.decision !== 'rejected') {
    return `decision must be "approved" or "rejected", not "${String(decision.decision)}"`;
  }
  return null;
}

/**
 * The one workflow that runs every published definition: it walks the graph durably, records
 * each step, answers live-state queries and takes approval decisions.
 */
export async function runWorkflow(input: RunWorkflowInput): Promise<unknown> {
  const ctx = new RunContext(input);
  setHandler(liveStateQuery, () => ctx.snapshot());
  const decide = (decision: ApprovalDecision) => {
    ctx.approvalDecisions.set(decision.nodeId, { ...decision, decidedAt: now() });
  };
  setHandler(decideApprovalUpdate, decide, {
    validator: (decision) => {
      const problem = approvalProblem(ctx, decision);
      if (problem) throw new Error(problem);
    },
  });
  setHandler(approvalDecisionSignal, (decision) => {
    if (!approvalProblem(ctx, decision)) decide(decision);
  });

  ctx.recorder.setRun({ status: 'RUNNING', startedAt: now() });
  try {
    await new Execution(ctx).run();
    ctx.status = 'SUCCEEDED';
    ctx.recorder.recordSuccess({ status: 'SUCCEEDED', output: ctx.runOutput, endedAt: now() });
    return ctx.runOutput;
  } catch (error) {
    const cancelled = isCancellation(error);
    const info: NodeErrorInfo =
      error instanceof RunFailed ? { ...error.info, nodeId: error.nodeId } : toErrorInfo(error);
    await CancellationScope.nonCancellable(async () => {
      const compensationFailures = await compensate(ctx);
      ctx.status = cancelled ? 'CANCELLED' : 'FAILED';
      const runError = compensationFailures.length ? { ...info, details: { compensationFailures } } : info;
      await ctx.recorder.flush(
        { status: ctx.status, error: cancelled ? undefined : runError, endedAt: now() },
        { final: true },
      );
    });
    if (cancelled) throw error;
    await startErrorWorkflow(ctx, info);
    throw ApplicationFailure.create({ type: 'RunFailed', message: info.message, nonRetryable: true, details: [info] });
  }
}
