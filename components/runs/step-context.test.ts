import { describe, expect, it } from 'vitest';
import type { RunStepData } from '@/lib/events/run-stream-schema';
import { contextAt, type ContextGraph, type ContextNode } from './step-context';

const T0 = Date.parse('2026-11-30T10:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

const step = (
  nodeId: string,
  startMs: number,
  endMs: number | null,
  patch: Partial<RunStepData> = {},
): RunStepData => ({
  nodeId,
  iteration: 0,
  attempt: 1,
  status: 'SUCCEEDED',
  input: null,
  output: null,
  handles: [],
  error: null,
  startedAt: at(startMs),
  endedAt: endMs === null ? null : at(endMs),
  ...patch,
});

const nodes: Record<string, ContextNode> = {
  start: { type: 'trigger.manual' },
  vars: { type: 'data.set' },
  more: { type: 'data.set' },
  left: { type: 'code.javascript' },
  right: { type: 'code.javascript' },
  flaky: { type: 'http.request', onError: 'continue' },
  last: { type: 'flow.output' },
};

const graph: ContextGraph = {
  node: (id) => nodes[id],
  edges: [
    { source: 'start', target: 'vars' },
    { source: 'vars', target: 'left' },
    { source: 'vars', target: 'right' },
    { source: 'left', target: 'more' },
    { source: 'right', target: 'more' },
    { source: 'more', target: 'flaky' },
    { source: 'flaky', target: 'last' },
  ],
};

const steps = [
  step('start', 0, 0, { output: { orderId: 7 } }),
  step('vars', 0, 0, { output: { region: 'eu', tier: 1 } }),
  step('left', 5, 100, { output: 'L' }),
  step('right', 6, 300, { output: 'R' }),
  step('more', 300, 300, { output: { tier: 2 } }),
  step('flaky', 310, 320, { status: 'FAILED', error: { type: 'HttpError500', message: 'boom' } }),
  step('flaky', 400, 410, { attempt: 2, status: 'FAILED', error: { type: 'HttpError502', message: 'bad gateway' } }),
  step('last', 500, 500, { output: 'done' }),
];

describe('contextAt', () => {
  it('holds the input and the outputs of the steps that ended before the chosen one started', () => {
    expect(contextAt(steps[4], steps, { orderId: 7 }, graph)).toEqual({
      input: { orderId: 7 },
      nodes: {
        start: { output: { orderId: 7 } },
        vars: { output: { region: 'eu', tier: 1 } },
        left: { output: 'L' },
        right: { output: 'R' },
      },
      vars: { region: 'eu', tier: 1 },
    });
    // Parallel branches: right started before left ended, so it could not read left.
    expect(Object.keys(contextAt(steps[3], steps, null, graph)!.nodes)).toEqual(['start', 'vars']);
  });

  it('replays variables in the order they were set, and a continuing node’s last failure as its output', () => {
    const context = contextAt(steps[7], steps, null, graph)!;
    expect(context.vars).toEqual({ region: 'eu', tier: 2 });
    expect(context.nodes.flaky).toEqual({ output: { error: { type: 'HttpError502', message: 'bad gateway' } } });
    expect(Object.keys(context.nodes)).toEqual(['start', 'vars', 'left', 'right', 'more', 'flaky']);
  });

  it('leaves out the chosen attempt itself, and a failure that was retried', () => {
    expect(contextAt(steps[6], steps, null, graph)!.nodes.flaky).toBeUndefined();
    expect(contextAt(steps[5], steps, null, graph)!.nodes.flaky).toBeUndefined();
  });

  it('counts a step that ended the instant the chosen one started only if it is upstream', () => {
    // start and vars ran in the same instant: vars saw start, start did not see vars.
    expect(contextAt(steps[0], steps, 1, graph)).toEqual({ input: 1, nodes: {}, vars: {} });
    expect(contextAt(steps[1], steps, 1, graph)!.nodes).toEqual({ start: { output: { orderId: 7 } } });
  });

  it('has no context for a step that never started', () => {
    expect(contextAt({ ...steps[0], startedAt: null }, steps, null, graph)).toBeNull();
  });
});
