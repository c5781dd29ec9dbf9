import { continueAsNew, workflowInfo } from '@temporalio/workflow';
import type { RunWorkflowInput } from '../../lib/runs/run-contract';
import { RunContext } from './interpreter/run-context';
import { runLoopPasses } from './interpreter/loop-passes';

/**
 * Past this many history events the loop continues as a new execution, keeping history small;
 * sooner when the server suggests it (its `limit.historyCount.suggestContinueAsNew`).
 */
export const LOOP_HISTORY_BUDGET = 10_000;

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
  const overBudget = () => {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength > LOOP_HISTORY_BUDGET;
  };
  const progress = await runLoopPasses(
    ctx,
    input.loopId,
    input.items,
    input.concurrency,
    { results: input.results, nextIndex: input.nextIndex },
    overBudget,
  );
  await ctx.recorder.flush(undefined, { final: true });
  if (progress.nextIndex < input.items.length) {
    await continueAsNew<typeof forEachWorkflow>({
      ...input,
      nextIndex: progress.nextIndex,
      results: progress.results,
      generation: input.generation + 1,
    });
  }
  return progress.results;
}
