import type { RunStepData } from '@/lib/events/run-stream-schema';

// The Gantt trace's model: one bar per attempt of a node (per loop pass), on the run's time axis.

/** Node types whose steps are spent waiting (for a person, for a timer), not working. */
export const WAITING_NODE_TYPES = new Set(['human.approval', 'flow.delay']);

const LIVE_STEP = new Set(['RUNNING', 'WAITING']);

export interface TraceBar {
  /** `nodeId:iteration:attempt`: unique within a run. */
  key: string;
  nodeId: string;
  iteration: number;
  attempt: number;
  status: string;
  /** Epoch ms. */
  start: number;
  /** Epoch ms; for a step still going, `now`. */
  end: number;
  live: boolean;
  /** Waiting for a decision or a timer, rather than doing work. */
  kind: 'running' | 'waiting';
  /** For a retry: when the attempt before it ended; from then to `start` it waited out the retry's backoff. */
  retryWaitFrom: number | null;
}

export interface Trace {
  bars: TraceBar[];
  /** The axis, in epoch ms. */
  start: number;
  end: number;
}

export const traceBarKey = (step: { nodeId: string; iteration: number; attempt: number }) =>
  `${step.nodeId}:${step.iteration}:${step.attempt}`;

/**
 * Every step that has started, as bars in start order (ties by node and attempt), on an axis from
 * the run's start to its end (or `now` while it goes). Steps that never started (skipped) have no bar.
 */
export function buildTrace(
  steps: RunStepData[],
  nodeTypeOf: (nodeId: string) => string | undefined,
  run: { startedAt: string | null; endedAt: string | null },
  now: number,
): Trace {
  const ends = new Map<string, number>();
  for (const step of steps) {
    if (step.endedAt) ends.set(traceBarKey(step), Date.parse(step.endedAt));
  }
  const bars: TraceBar[] = [];
  for (const step of steps) {
    if (!step.startedAt) continue;
    const start = Date.parse(step.startedAt);
    const live = !step.endedAt && LIVE_STEP.has(step.status);
    const end = step.endedAt ? Date.parse(step.endedAt) : live ? Math.max(now, start) : start;
    const waiting = step.status === 'WAITING' || WAITING_NODE_TYPES.has(nodeTypeOf(step.nodeId) ?? '');
    const previousEnd = step.attempt > 1 ? ends.get(traceBarKey({ ...step, attempt: step.attempt - 1 })) : undefined;
    bars.push({
      key: traceBarKey(step),
      nodeId: step.nodeId,
      iteration: step.iteration,
      attempt: step.attempt,
      status: step.status,
      start,
      end,
      live,
      kind: waiting ? 'waiting' : 'running',
      retryWaitFrom: previousEnd !== undefined && previousEnd <= start ? previousEnd : null,
    });
  }
  bars.sort(
    (a, b) =>
      a.start - b.start ||
      (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0) ||
      a.iteration - b.iteration ||
      a.attempt - b.attempt,
  );
  let start = run.startedAt ? Date.parse(run.startedAt) : Infinity;
  let end = run.endedAt ? Date.parse(run.endedAt) : run.startedAt ? now : -Infinity;
  for (const bar of bars) {
    start = Math.min(start, bar.retryWaitFrom ?? bar.start);
    end = Math.max(end, bar.end);
  }
  if (!Number.isFinite(start)) start = now;
  if (!Number.isFinite(end) || end < start) end = start;
  return { bars, start, end };
}

/** The rows a scroller of `height` px at `scrollTop` shows, with `overscan` more each side. */
export function visibleRows(
  count: number,
  rowHeight: number,
  scrollTop: number,
  height: number,
  overscan = 8,
): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return { first, last };
}

/** Round tick steps for an axis of `span` ms: about `count` of them. */
export function axisTicks(span: number, count = 5): number[] {
  if (span <= 0) return [0];
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= raw)!;
  const ticks: number[] = [];
  for (let at = 0; at <= span; at += step) ticks.push(at);
  return ticks;
}
