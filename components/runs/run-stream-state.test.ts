import { describe, expect, it } from 'vitest';
import type { RunLogLine, RunStepData } from '@/lib/events/run-stream-schema';
import { applyRunEvents, nodeStates, type RunStreamState } from './run-stream-state';

const at = '2026-11-30T09:00:00.000Z';
const run = (status: RunStreamState['run']['status']): RunStreamState['run'] => ({
  id: 'run',
  status,
  error: null,
  output: null,
  createdAt: at,
  startedAt: at,
  endedAt: null,
  durationMs: null,
});
const step = (nodeId: string, status: string, attempt = 1, iteration = 0): RunStepData => ({
  nodeId,
  iteration,
  attempt,
  status,
  input: null,
  output: null,
  handles: [],
  error: null,
  startedAt: at,
  endedAt: null,
});
const line = (seq: number, message: string): RunLogLine => ({
  seq,
  nodeId: 'code',
  attempt: 1,
  level: 'INFO',
  message,
  data: null,
  ts: at,
});
const empty: RunStreamState = { run: run('QUEUED'), steps: [], logs: [], logsOmitted: 0 };

describe('applyRunEvents', () => {
  it('keeps the page’s first steps marked partial until the stream’s snapshot brings them all', () => {
    const partial: RunStreamState = { ...empty, steps: [step('body', 'SUCCEEDED', 1, 9)], stepsPartial: true };

    const stepped = applyRunEvents(partial, [{ event: 'step', data: step('out', 'RUNNING') }]);
    expect(stepped.stepsPartial).toBe(true);

    const complete = applyRunEvents(stepped, [
      {
        event: 'snapshot',
        data: { run: run('RUNNING'), steps: [step('body', 'SUCCEEDED', 1, 0)], logs: [], logsOmitted: 0 },
      },
    ]);
    expect(complete).toEqual({
      run: run('RUNNING'),
      steps: [step('body', 'SUCCEEDED', 1, 0)],
      logs: [],
      logsOmitted: 0,
    });
    expect('stepsPartial' in complete).toBe(false);
  });

  it('replaces everything with a snapshot, then adds steps, lines and status in order', () => {
    const state = applyRunEvents(empty, [
      {
        event: 'snapshot',
        data: { run: run('RUNNING'), steps: [step('start', 'SUCCEEDED')], logs: [], logsOmitted: 2 },
      },
      { event: 'step', data: step('code', 'RUNNING') },
      { event: 'log', data: line(4, 'hello') },
      { event: 'step', data: step('code', 'SUCCEEDED') },
      { event: 'log', data: line(6, 'bye') },
      { event: 'run', data: run('SUCCEEDED') },
    ]);
    expect(state.run.status).toBe('SUCCEEDED');
    expect(state.steps.map((s) => [s.nodeId, s.status])).toEqual([
      ['start', 'SUCCEEDED'],
      ['code', 'SUCCEEDED'],
    ]);
    expect(state.logs.map((l) => l.message)).toEqual(['hello', 'bye']);
    expect(state.logsOmitted).toBe(2);
  });

  it('keeps each attempt of a node as its own step', () => {
    const state = applyRunEvents(empty, [
      { event: 'step', data: step('fetch', 'FAILED', 1) },
      { event: 'step', data: step('fetch', 'RUNNING', 2) },
    ]);
    expect(state.steps.map((s) => [s.attempt, s.status])).toEqual([
      [1, 'FAILED'],
      [2, 'RUNNING'],
    ]);
  });
});

describe('nodeStates', () => {
  it('takes the latest step’s status and the highest attempt', () => {
    expect(nodeStates([step('fetch', 'FAILED', 1), step('fetch', 'SUCCEEDED', 2), step('out', 'RUNNING')])).toEqual({
      fetch: { status: 'SUCCEEDED', attempt: 2 },
      out: { status: 'RUNNING', attempt: 1 },
    });
  });
});
