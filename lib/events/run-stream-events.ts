import type { RunLog } from '../db/generated/client';
import { publicStep } from '../runs/step-view';
import type { RunChanges, RunSnapshot } from './run-changes';
import type { RunLogLine } from './run-stream-schema';
import { JsonText, type ServerSentEvent } from './sse';

const FINISHED = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/** What a read of the run adds to its stream; `lastSeq` is the change number it covers. */
export interface RunEventBatch {
  events: ServerSentEvent[];
  lastSeq: number;
  /** The run has ended: the batch ends with a `run` event, and the stream with the batch. */
  finished: boolean;
}

const runState = ({ lastEventSeq: _last, statusEventSeq: _status, ...run }: RunChanges['run']) => run;

const runEvent = (run: RunChanges['run'], seq: number): ServerSentEvent => ({
  event: 'run',
  id: String(seq),
  data: runState(run),
});

/** A log line as the stream sends it (run-stream-schema.ts). */
export const publicLog = (line: RunLog): RunLogLine => ({
  seq: line.eventSeq,
  nodeId: line.nodeId,
  attempt: line.attempt,
  level: line.level,
  message: line.message,
  data: line.data,
  ts: line.ts.toISOString(),
});

function batch(run: RunChanges['run'], events: ServerSentEvent[]): RunEventBatch {
  const finished = FINISHED.has(run.status);
  // A status set without a change number (Temporal ended the run and a read reconciled it)
  // still closes the stream with the run's final state.
  if (finished && events.at(-1)?.event !== 'run') events.push(runEvent(run, run.lastEventSeq));
  return { events, lastSeq: run.lastEventSeq, finished };
}

/**
 * The first event of a fresh stream: the run, its per-node summary, all of its steps and its
 * newest log lines. The steps and summary are spliced in as PostgreSQL wrote them.
 */
export function snapshotBatch({ run, steps, logs, logsOmitted }: RunSnapshot): RunEventBatch {
  const rest = JSON.stringify({ run: runState(run), logs: logs.map(publicLog), logsOmitted });
  const data = new JsonText(`{"nodes":${steps.nodes},"steps":${steps.steps},${rest.slice(1)}`);
  return batch(run, [{ event: 'snapshot', id: String(run.lastEventSeq), data }]);
}

/**
 * What changed after change number `afterSeq`, in change order: each step at its latest state
 * (a step written twice since is sent once), each new log line, and the run when its status
 * changed.
 */
export function changesBatch({ run, steps, logs }: RunChanges, afterSeq: number): RunEventBatch {
  const changes: { seq: number; event: string; data: unknown }[] = [
    ...steps.map((step) => ({ seq: step.eventSeq, event: 'step', data: publicStep(step) })),
    ...logs.map((line) => ({ seq: line.eventSeq, event: 'log', data: publicLog(line) })),
  ];
  if (run.statusEventSeq > afterSeq) changes.push({ seq: run.statusEventSeq, event: 'run', data: runState(run) });
  changes.sort((a, b) => a.seq - b.seq);
  return batch(
    run,
    changes.map(({ seq, event, data }) => ({ event, id: String(seq), data })),
  );
}
