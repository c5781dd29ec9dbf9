import type { RunSnapshotData } from '../events/run-stream-schema';
import type { getRunForPage } from './run-details';

type RunDetails = Awaited<ReturnType<typeof getRunForPage>>['run'];

const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * What the run page starts from: what the live stream's snapshot would say of the run, times as
 * ISO strings, with the steps the page read for its first render (marked partial when the run
 * has more, out of `stepsTotal`) and without the log: the stream's own snapshot brings the rest.
 * Built field by field: a JSON round trip of a 10,000-step run took over 100 ms of the page's
 * render.
 */
export function initialRunSnapshot(
  run: RunDetails,
  stepsTotal = run.steps.length,
): RunSnapshotData & { stepsPartial?: true } {
  return {
    run: {
      id: run.id,
      status: run.status,
      error: run.error,
      output: run.output,
      createdAt: run.createdAt.toISOString(),
      startedAt: iso(run.startedAt),
      endedAt: iso(run.endedAt),
      durationMs: run.durationMs,
    },
    steps: run.steps.map((step) => ({
      nodeId: step.nodeId,
      iteration: step.iteration,
      attempt: step.attempt,
      status: step.status,
      input: step.input,
      output: step.output,
      handles: step.handles,
      error: step.error,
      startedAt: iso(step.startedAt),
      endedAt: iso(step.endedAt),
    })),
    logs: [],
    logsOmitted: 0,
    ...(run.steps.length < stepsTotal ? { stepsPartial: true as const } : {}),
  };
}
