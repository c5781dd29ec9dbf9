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

  it('is marked partial when the run has more steps than the page read', () => {
    expect(initialRunSnapshot(run as never, 9).stepsPartial).toBe(true);
    expect(initialRunSnapshot(run as never, 2)).not.toHaveProperty('stepsPartial');
  });
});
