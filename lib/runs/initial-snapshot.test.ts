import { describe, expect, it } from 'vitest';
import { runSnapshotSchema } from '../events/run-stream-schema';
import { initialRunSnapshot } from './initial-snapshot';

const at = (second: number) => new Date(Date.UTC(2026, 10, 30, 9, 0, second));

const run = {
  id: 'run-1',
  workflow: { id: 'wf-1', name: 'Invoices' },
  version: 3,
  trigger: 'MANUAL',
  status: 'FAILED',
  input: { x: 1 },
  output: null,
  error: { type: 'HttpError', message: '502', nodeId: 'call' },
  createdAt: at(0),
  startedAt: at(1),
  endedAt: at(9),
  durationMs: 8000,
  nodes: {},
  steps: [
    {
      id: 'step-1',
      nodeId: 'start',
      iteration: 0,
      attempt: 1,
      status: 'SUCCEEDED',
      input: null,
      output: { x: 1 },
      handles: ['out'],
      error: null,
      queuedAt: at(1),
      startedAt: at(1),
      endedAt: at(2),
    },
    {
      id: 'step-2',
      nodeId: 'call',
      iteration: 0,
      attempt: 2,
      status: 'FAILED',
      input: { url: 'https://example.com' },
      output: null,
      handles: [],
      error: { type: 'HttpError', message: '502' },
      queuedAt: at(3),
      startedAt: at(3),
      endedAt: null,
    },
  ],
};

describe('the run page’s initial snapshot', () => {
  it('says what the stream snapshot’s schema keeps of the run, times as ISO strings', () => {
    const throughJson = runSnapshotSchema.parse(
      JSON.parse(JSON.stringify({ run, steps: run.steps, logs: [], logsOmitted: 0 })),
    );
    expect(initialRunSnapshot(run as never)).toEqual(throughJson);
    const { startedAt, endedAt } = initialRunSnapshot(run as never).steps[1];
    expect([startedAt, endedAt]).toEqual(['2026-11-30T09:00:03.000Z', null]);
  });

  it('keeps each node’s latest step and highest attempt, and every step of the node the page opens on', () => {
    const step = (nodeId: string, iteration: number, attempt: number, status = 'SUCCEEDED') => ({
      ...run.steps[0],
      id: `${nodeId}-${iteration}-${attempt}`,
      nodeId,
      iteration,
      attempt,
      status,
    });
    const steps = [
      step('start', 0, 1),
      step('each', 0, 1),
      step('body', 0, 1),
      step('body', 1, 1, 'FAILED'),
      step('body', 1, 2, 'FAILED'),
      step('body', 1, 3),
      step('body', 2, 1),
      step('out', 0, 1),
    ];
    expect(initialRunSnapshot({ ...run, steps } as never).stepsPartial).toBe(true);
    const kept = (openNodeId: string | null) =>
      initialRunSnapshot({ ...run, steps } as never, openNodeId).steps.map(
        ({ nodeId, iteration, attempt }) => `${nodeId}-${iteration}-${attempt}`,
      );

    expect(kept(null)).toEqual(['start-0-1', 'each-0-1', 'body-1-3', 'body-2-1', 'out-0-1']);
    expect(kept('body')).toEqual([
      'start-0-1',
      'each-0-1',
      'body-0-1',
      'body-1-1',
      'body-1-2',
      'body-1-3',
      'body-2-1',
      'out-0-1',
    ]);
  });
});
