import { CancellationScope, continueAsNew, patched, workflowInfo } from '@temporalio/workflow';
import type { RunWorkflowInput } from '../../lib/runs/run-contract';
import { RunContext, type CompletedStep } from './interpreter/run-context';
import { runLoopPasses, type LoopProgress } from './interpreter/loop-passes';
import { compensate } from './interpreter/compensation';

/**
 * Past this many history events the loop continues as a new execution, keeping history small;
 * sooner when the server suggests it (its `limit.historyCount.suggestContinueAsNew`).
 */
export const LOOP_HISTORY_BUDGET = 10_000;

/**
 * Patch id: a loop child that is cancelled or fails undoes its passes' compensated steps and
 * writes their last records (a pass's CANCELLED or FAILED step) before it ends. Before it, those
 * records were lost and the steps stayed WAITING or RUNNING.
 */
const LOOP_CHILD_RECORDS_ITS_END = 'loop-child-records-its-end';

export interface ForEachWorkflowInput {
  run: RunWorkflowInput;
  loopId: string;
  items: unknown[];
  concurrency: number;
  nextIndex: number;
  results: unknown[];
  /** Outputs and variables of the enclosing run when the loop started: what the body may read. */
  outputs: Record<string, { output: unknown }>;
  vars: Record<string, unknown>;
  /** How many times this loop has continued as new so far. */
  generation: number;
  /** Body steps of earlier generations that declare a compensation, in completion order. */
  completedWithCompensation?: CompletedStep[];
}

/**
 * Runs a long for-each loop for its parent run. Loop bodies can make histories grow without
 * bound, so this workflow checkpoints its progress into a fresh execution when the history
 * passes the budget; the parent only sees the final results.
 */
export async function forEachWorkflow(input: ForEachWorkflowInput): Promise<unknown[]> {
  const ctx = new RunContext(input.run);
  Object.assign(ctx.outputs, input.outputs);
  Object.assign(ctx.vars, input.vars);
  ctx.completedWithCompensation.push(...(input.completedWithCompensation ?? []));
  const overBudget = () => {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength > LOOP_HISTORY_BUDGET;
  };
  let progress: LoopProgress;
  try {
    progress = await runLoopPasses(
      ctx,
      input.loopId,
      input.items,
      input.concurrency,
      { results: input.results, nextIndex: input.nextIndex },
      overBudget,
    );
  } catch (error) {
    // The parent undoes its own steps once this child has ended: body steps, newer, go first.
    if (patched(LOOP_CHILD_RECORDS_ITS_END)) {
      await CancellationScope.nonCancellable(async () => {
        await compensate(ctx);
        await ctx.recorder.flush(undefined, { final: true });
      });
    }
    throw error;
  }
  await ctx.recorder.flush(undefined, { final: true });
  if (progress.nextIndex < input.items.length) {
    await continueAsNew<typeof forEachWorkflow>({
      ...input,
      nextIndex: progress.nextIndex,
      results: progress.results,
      generation: input.generation + 1,
      ...(ctx.completedWithCompensation.length ? { completedWithCompensation: ctx.completedWithCompensation } : {}),
    });
  }
  return progress.results;
}
