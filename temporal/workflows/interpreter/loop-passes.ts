import { takesChange } from './engine-revision';
import type { RunContext } from './run-context';
import { Execution } from './execution';

/**
 * Passes whose bodies are pure nodes issue no command, so a long loop of them would run in one
 * workflow activation: its records pile up into one oversized write, and thousands of promise
 * chains in one activation overflow Node's async-context stack and crash the worker. Past this
 * many buffered steps the loop writes them (a local activity), which also ends the activation.
 */
const FLUSH_AT_PENDING_STEPS = 200;
/** Patch id of that write: runs recorded before it replay without it. */
const LOOP_FLUSHES_PURE_PASSES = 'loop-flushes-pure-passes';
/**
 * Patch id: while that write is under way, every lane waits for it before starting a pass. Before
 * it only the lane that wrote waited, so with 20 lanes one activation ran some 4,000 steps, took
 * longer than the worker's activation timeout under load and crashed the worker.
 */
const LOOP_LANES_WAIT_FOR_FLUSH = 'loop-lanes-wait-for-flush';

export interface LoopProgress {
  /** Results so far, by item index. */
  results: unknown[];
  /** The first item not started yet. */
  nextIndex: number;
}

/**
 * Runs loop passes from `progress.nextIndex`, `concurrency` at a time, until the items run out
 * or `shouldPause()` says to stop starting new ones; passes already running always finish.
 */
export async function runLoopPasses(
  ctx: RunContext,
  loopId: string,
  items: unknown[],
  concurrency: number,
  progress: LoopProgress,
  shouldPause: () => boolean = () => false,
): Promise<LoopProgress> {
  const resultNodes = ctx.graph.loopResultNodes(loopId);
  const results = progress.results;
  let next = progress.nextIndex;
  let flushing: Promise<void> | undefined;
  const flush = async () => {
    if (!takesChange(ctx.input, LOOP_LANES_WAIT_FOR_FLUSH, 1)) return ctx.recorder.flush();
    flushing ??= ctx.recorder.flush().finally(() => (flushing = undefined));
    return flushing;
  };
  const lane = async () => {
    while (next < items.length && !shouldPause()) {
      if (flushing) {
        await flushing;
        continue;
      }
      const index = next++;
      const pass = new Execution(ctx, { loopId, item: items[index], index });
      await pass.run();
      if (ctx.recorder.pendingSteps >= FLUSH_AT_PENDING_STEPS && takesChange(ctx.input, LOOP_FLUSHES_PURE_PASSES, 1))
        await flush();
      results[index] =
        resultNodes.length === 1
          ? pass.output(resultNodes[0])
          : Object.fromEntries(resultNodes.map((id) => [id, pass.output(id)]));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length - next)) }, lane));
  return { results, nextIndex: next };
}
