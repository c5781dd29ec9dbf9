import { describe, expect, it } from 'vitest';
import type { RunStepData } from '@/lib/events/run-stream-schema';
import { axisTicks, buildTrace, visibleRows } from './trace-bars';

const T0 = Date.parse('2026-11-30T10:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

const step = (nodeId: string, patch: Partial<RunStepData>): RunStepData => ({
  nodeId,
  iteration: 0,
  attempt: 1,
  status: 'SUCCEEDED',
  input: null,
  output: null,
  handles: [],
  error: null,
  startedAt: null,
  endedAt: null,
  ...patch,
});

const types: Record<string, string> = { gate: 'human.approval', wait: 'flow.delay', fetch: 'http.request' };

describe('buildTrace', () => {
  it('gives every attempt its own bar, in start order, and marks a retry’s backoff', () => {
    const trace = buildTrace(
      [
        step('start', { startedAt: at(0), endedAt: at(0) }),
        step('fetch', { attempt: 1, status: 'FAILED', startedAt: at(10), endedAt: at(40) }),
        step('fetch', { attempt: 2, startedAt: at(240), endedAt: at(300) }),
        step('skipped', { status: 'SKIPPED' }),
      ],
      (id) => types[id],
      { startedAt: at(0), endedAt: at(310) },
      T0 + 10_000,
    );
    expect(trace.bars.map((bar) => [bar.key, bar.start - T0, bar.end - T0, bar.kind])).toEqual([
      ['start:0:1', 0, 0, 'running'],
      ['fetch:0:1', 10, 40, 'running'],
      ['fetch:0:2', 240, 300, 'running'],
    ]);
    expect(trace.bars.map((bar) => bar.retryWaitFrom && bar.retryWaitFrom - T0)).toEqual([null, null, 40]);
    expect([trace.start - T0, trace.end - T0]).toEqual([0, 310]);
  });

  it('draws approvals and delays as waiting, and grows live steps to now', () => {
    const trace = buildTrace(
      [
        step('wait', { startedAt: at(0), endedAt: at(1000) }),
        step('gate', { status: 'WAITING', startedAt: at(1000) }),
        step('other', { status: 'WAITING', startedAt: at(1000) }),
        step('fetch', { status: 'RUNNING', startedAt: at(1200) }),
      ],
      (id) => types[id],
      { startedAt: at(0), endedAt: null },
      T0 + 5000,
    );
    expect(trace.bars.map((bar) => [bar.nodeId, bar.kind, bar.live, bar.end - T0])).toEqual([
      ['wait', 'waiting', false, 1000],
      ['gate', 'waiting', true, 5000],
      ['other', 'waiting', true, 5000],
      ['fetch', 'running', true, 5000],
    ]);
    expect(trace.end - T0).toBe(5000);
  });

  it('sorts bars that start together by node, pass and attempt', () => {
    const trace = buildTrace(
      [step('b', { startedAt: at(5) }), step('a', { startedAt: at(5), iteration: 1 }), step('a', { startedAt: at(5) })],
      () => undefined,
      { startedAt: at(0), endedAt: at(9) },
      T0,
    );
    expect(trace.bars.map((bar) => bar.key)).toEqual(['a:0:1', 'a:1:1', 'b:0:1']);
  });

  it('has an empty axis at now for a run that has not started', () => {
    expect(buildTrace([], () => undefined, { startedAt: null, endedAt: null }, T0)).toEqual({
      bars: [],
      start: T0,
      end: T0,
    });
  });
});

describe('visibleRows', () => {
  it('covers the rows in view and the overscan, within bounds', () => {
    expect(visibleRows(10_000, 24, 2400, 480, 5)).toEqual({ first: 95, last: 125 });
    expect(visibleRows(10, 24, 0, 480, 5)).toEqual({ first: 0, last: 10 });
  });
});

describe('axisTicks', () => {
  it('steps in round numbers', () => {
    expect(axisTicks(1000)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(axisTicks(7300)).toEqual([0, 2000, 4000, 6000]);
    expect(axisTicks(0)).toEqual([0]);
  });
});
