import type { RunSnapshotData } from '../events/run-stream-schema';
import type { getRunWithDefinition } from './run-details';

type RunDetails = Awaited<ReturnType<typeof getRunWithDefinition>>['run'];
type RecordedStep = RunDetails['steps'][number];

const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * The steps the page's first render shows: each node's latest step and its highest attempt
 * (what the graph draws), and every step of the node the page opens on (its inspector). The
 * page opens the live stream at once, whose snapshot brings every step for the trace, the
 * context and the other nodes; sending them with the page too doubled what a 500-step run's
 * page loaded and had the browser read them twice. Steps keep their order.
 */
function stepsForFirstRender(steps: RecordedStep[], openNodeId: string | null): RecordedStep[] {
  const latest = new Map<string, RecordedStep>();
  const highestAttempt = new Map<string, RecordedStep>();
  for (const step of steps) {
    latest.set(step.nodeId, step);
    if ((highestAttempt.get(step.nodeId)?.attempt ?? 0) < step.attempt) highestAttempt.set(step.nodeId, step);
  }
  const kept = new Set([...latest.values(), ...highestAttempt.values()]);
  return steps.filter((step) => kept.has(step) || step.nodeId === openNodeId);
}

/**
 * What the run page starts from: what the live stream's snapshot would say of the run, times as
 * ISO strings, with the steps its first render shows and without the log (the stream's own
 * snapshot brings the rest). Built field by field: a JSON round trip of a 10,000-step run took
 * over 100 ms of the page's render.
 */
export function initialRunSnapshot(
  run: RunDetails,
  openNodeId: string | null = null,
): RunSnapshotData & { stepsPartial?: true } {
  const steps = stepsForFirstRender(run.steps, openNodeId);
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
    steps: steps.map((step) => ({
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
    ...(steps.length < run.steps.length ? { stepsPartial: true as const } : {}),
  };
}
