import type { RunLogLine, RunSnapshotData, RunStateData, RunStepData } from '@/lib/events/run-stream-schema';

/**
 * What the run page knows of a run from its live stream (GET /api/runs/:id/events).
 * `stepsPartial` while it holds only the steps the page was rendered with, until the stream's
 * snapshot brings them all.
 */
export type RunStreamState = RunSnapshotData & { stepsPartial?: boolean };

export type RunStreamEvent =
  | { event: 'snapshot'; data: RunSnapshotData }
  | { event: 'step'; data: RunStepData }
  | { event: 'log'; data: RunLogLine }
  | { event: 'run'; data: RunStateData };

const sameStep = (a: RunStepData, b: RunStepData) =>
  a.nodeId === b.nodeId && a.iteration === b.iteration && a.attempt === b.attempt;

/** The state after `events`, in the order they arrived. */
export function applyRunEvents(state: RunStreamState, events: RunStreamEvent[]): RunStreamState {
  let { run, steps, logs, logsOmitted, stepsPartial } = state;
  const newLines: RunLogLine[] = [];
  for (const change of events) {
    if (change.event === 'snapshot') {
      ({ run, steps, logs, logsOmitted } = change.data);
      stepsPartial = false;
      newLines.length = 0;
    } else if (change.event === 'run') {
      run = change.data;
    } else if (change.event === 'log') {
      newLines.push(change.data);
    } else {
      const index = steps.findIndex((step) => sameStep(step, change.data));
      steps = index < 0 ? [...steps, change.data] : steps.with(index, change.data);
    }
  }
  const next = { run, steps, logs: newLines.length ? [...logs, ...newLines] : logs, logsOmitted };
  return stepsPartial ? { ...next, stepsPartial } : next;
}

export interface NodeRunState {
  status: string;
  /** The highest attempt seen, of any loop pass. */
  attempt: number;
}

/** Each node's status: that of its latest step (steps are kept in the order they started). */
export function nodeStates(steps: RunStepData[]): Record<string, NodeRunState> {
  const nodes: Record<string, NodeRunState> = {};
  for (const step of steps) {
    nodes[step.nodeId] = { status: step.status, attempt: Math.max(nodes[step.nodeId]?.attempt ?? 0, step.attempt) };
  }
  return nodes;
}

export const FINISHED_RUN = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);
