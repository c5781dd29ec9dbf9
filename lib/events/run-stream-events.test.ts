import { describe, expect, it } from 'vitest';
import type { RunLog, RunStep } from '../db/generated/client';
import type { RunChanges } from './run-changes';
import { changesBatch, snapshotBatch } from './run-stream-events';
import { encodeEvent } from './sse';

const at = new Date('2026-11-24T09:00:00.000Z');

const step = (nodeId: string, status: RunStep['status'], eventSeq: number): RunStep => ({
  id: `step-${nodeId}`,
  orgId: 'org',
  runId: 'run',
  nodeId,
  iteration: 0,
  attempt: 1,
  status,
  input: null,
  output: null,
  handles: [],
  error: null,
  startedAt: at,
  endedAt: null,
  eventSeq,
});

const line = (message: string, eventSeq: number): RunLog => ({
  id: BigInt(eventSeq),
  orgId: 'org',
  runId: 'run',
  nodeId: 'code',
  attempt: 1,
  level: 'INFO',
  message,
  data: null,
  ts: at,
  eventSeq,
});

const noLogs = { logs: [], logsOmitted: 0 };

const run = (status: RunChanges['run']['status'], lastEventSeq: number, statusEventSeq: number): RunChanges['run'] => ({
  id: 'run',
  status,
  error: null,
  output: null,
  createdAt: at,
  startedAt: at,
  endedAt: null,
  durationMs: null,
  lastEventSeq,
  statusEventSeq,
});

const publicRun = (status: string) => ({
  id: 'run',
  status,
  error: null,
  output: null,
  createdAt: at,
  startedAt: at,
  endedAt: null,
  durationMs: null,
});

const publicStep = ({ orgId: _o, runId: _r, eventSeq: _e, ...rest }: RunStep) => rest;

describe('snapshotBatch', () => {
  // As PostgreSQL serializes them (lib/runs/run-steps-json.ts), with a line break between tokens.
  const stepsJson = {
    steps: '[{"id" : "step-start", "nodeId" : "start"},\n {"id" : "step-review", "nodeId" : "review"}]',
    nodes: '{"start" : {"status" : "SUCCEEDED"}, "review" : {"status" : "WAITING"}}',
  };

  it('sends the run, its node summary and steps under the run’s last change number, as one line', () => {
    const batch = snapshotBatch({
      run: run('WAITING', 3, 3),
      steps: stepsJson,
      logs: [line('hello', 2)],
      logsOmitted: 4,
    });
    expect(batch.events.map(({ event, id }) => [event, id])).toEqual([['snapshot', '3']]);
    expect(batch).toMatchObject({ lastSeq: 3, finished: false });
    const [framedData] = encodeEvent(batch.events[0])
      .split('\n')
      .filter((part) => part.startsWith('data: '));
    expect(JSON.parse(framedData.slice('data: '.length))).toEqual({
      nodes: { start: { status: 'SUCCEEDED' }, review: { status: 'WAITING' } },
      steps: [
        { id: 'step-start', nodeId: 'start' },
        { id: 'step-review', nodeId: 'review' },
      ],
      run: JSON.parse(JSON.stringify(publicRun('WAITING'))),
      logs: [{ seq: 2, nodeId: 'code', attempt: 1, level: 'INFO', message: 'hello', data: null, ts: at.toISOString() }],
      logsOmitted: 4,
    });
  });

  it('ends an ended run’s stream with its run event', () => {
    const batch = snapshotBatch({ run: run('SUCCEEDED', 4, 4), steps: { steps: '[]', nodes: '{}' }, ...noLogs });
    expect(batch.events.map(({ event, id }) => [event, id])).toEqual([
      ['snapshot', '4'],
      ['run', '4'],
    ]);
    expect(batch.finished).toBe(true);
  });
});

describe('changesBatch', () => {
  it('sends changed steps and a changed status in change order', () => {
    const steps = [step('review', 'SUCCEEDED', 5), step('paid', 'SUCCEEDED', 6)];
    const batch = changesBatch({ run: run('SUCCEEDED', 7, 7), steps, ...noLogs }, 4);
    expect(batch).toEqual({
      events: [
        { event: 'step', id: '5', data: publicStep(steps[0]) },
        { event: 'step', id: '6', data: publicStep(steps[1]) },
        { event: 'run', id: '7', data: publicRun('SUCCEEDED') },
      ],
      lastSeq: 7,
      finished: true,
    });
  });

  it('places a status change between the steps around it', () => {
    const steps = [step('a', 'SUCCEEDED', 5), step('b', 'RUNNING', 7)];
    const batch = changesBatch({ run: run('RUNNING', 7, 6), steps, ...noLogs }, 4);
    expect(batch.events.map(({ event, id }) => [event, id])).toEqual([
      ['step', '5'],
      ['run', '6'],
      ['step', '7'],
    ]);
  });

  it('sends log lines among the steps, by change number', () => {
    const steps = [step('code', 'RUNNING', 5), step('code', 'SUCCEEDED', 8)];
    const batch = changesBatch(
      { run: run('RUNNING', 8, 4), steps: [steps[1]], logs: [line('one', 6), line('two', 7)], logsOmitted: 0 },
      5,
    );
    expect(batch.events).toEqual([
      { event: 'log', id: '6', data: expect.objectContaining({ seq: 6, message: 'one' }) },
      { event: 'log', id: '7', data: expect.objectContaining({ seq: 7, message: 'two' }) },
      { event: 'step', id: '8', data: publicStep(steps[1]) },
    ]);
  });

  it('leaves out a status that has not changed since', () => {
    const batch = changesBatch({ run: run('RUNNING', 9, 4), steps: [step('a', 'RUNNING', 9)], ...noLogs }, 8);
    expect(batch.events.map(({ event, id }) => [event, id])).toEqual([['step', '9']]);
  });

  it('is empty when nothing changed', () => {
    expect(changesBatch({ run: run('WAITING', 3, 3), steps: [], ...noLogs }, 3)).toEqual({
      events: [],
      lastSeq: 3,
      finished: false,
    });
  });

  it('closes with the run when it ended without a change number of its own', () => {
    const batch = changesBatch({ run: run('FAILED', 3, 2), steps: [], ...noLogs }, 3);
    expect(batch.events).toEqual([{ event: 'run', id: '3', data: publicRun('FAILED') }]);
    expect(batch.finished).toBe(true);
  });
});
