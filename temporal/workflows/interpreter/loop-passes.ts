import type { RunContext } from './run-context';
import { Execution } from './execution';

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
  const lane = async () => {
    while (next < items.length && !shouldPause()) {
      const index = next++;
      const pass = new Execution(ctx, { loopId, item: items[index], index });
      await pass.run();
      results[index] =
        resultNodes.length === 1
          ? pass.output(resultNodes[0])
          : Object.fromEntries(resultNodes.map((id) => [id, pass.output(id)]));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length - next)) }, lane));
  return { results, nextIndex: next };
}
