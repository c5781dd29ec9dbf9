import { describe, expect, it } from 'vitest';
import { testControlContext } from '../test-control-context';
import { merge } from './merge';
import { forEach } from './for-each';
import { delay } from './delay';
import { approval } from './approval';
import { subWorkflow } from './sub-workflow';

const outputs: Record<string, unknown> = { a: { n: 1 }, b: { n: 2 } };
const CHILD_WORKFLOW = '0b5e0a52-8c1e-4a53-9d9c-1f7f3d0f2a10';

describe('control node behaviour', () => {
  it('merge keys the taken branches by node id, or takes the first one', async () => {
    const joined = { activeSources: () => ['b', 'a'], outputOf: (id: string) => outputs[id] };
    expect(await merge.run(testControlContext(merge, {}, joined).context)).toEqual({
      output: { b: { n: 2 }, a: { n: 1 } },
      handles: ['out'],
    });
    expect(await merge.run(testControlContext(merge, { mode: 'first' }, joined).context)).toEqual({
      output: { n: 2 },
      handles: ['out'],
    });
  });

  it('merge starts on its first input only in first mode, reading the config as written', () => {
    expect(merge.startsOnFirstInput?.({ mode: 'first' })).toBe(true);
    expect(merge.startsOnFirstInput?.({ mode: 'wait-all' })).toBe(false);
    expect(merge.startsOnFirstInput?.({})).toBe(false);
  });

  it('for-each runs its loop with the items and concurrency, then takes done', async () => {
    const { context, calls } = testControlContext(forEach, { items: [1, 2], concurrency: 3 });
    expect(await forEach.run(context)).toEqual({ output: [1, 2], handles: ['done'] });
    expect(calls).toEqual([{ op: 'runLoop', items: [1, 2], concurrency: 3 }]);
  });

  it('delay sleeps for its duration, or until its date and not below zero', async () => {
    const waiting = testControlContext(delay, { mode: 'duration', durationMs: 1500 });
    expect(await delay.run(waiting.context)).toEqual({ output: { waitedMs: 1500 }, handles: ['out'] });
    expect(waiting.calls).toEqual([{ op: 'sleep', ms: 1500 }]);

    const past = testControlContext(delay, { mode: 'until', until: '2001-01-01T00:00:00Z' });
    expect(await delay.run(past.context)).toEqual({ output: { waitedMs: 0 }, handles: ['out'] });
    expect(past.calls).toEqual([{ op: 'sleep', ms: 0 }]);
  });

  it('approval follows the decision, or timeout when none came in time', async () => {
    const decided = testControlContext(
      approval,
      { message: 'ship?', approvers: ['role:admin'], timeoutMs: 60_000 },
      {
        waitForDecision: async () => ({
          decision: 'rejected',
          approver: 'ada@example.com',
          decidedAt: '2026-01-01T00:00:00.000Z',
        }),
      },
    );
    expect(await approval.run(decided.context)).toEqual({
      output: {
        decision: 'rejected',
        approver: 'ada@example.com',
        comment: undefined,
        decidedAt: '2026-01-01T00:00:00.000Z',
      },
      handles: ['rejected'],
    });

    const unanswered = testControlContext(approval, { message: 'ship?', timeoutMs: 10 });
    const result = await approval.run(unanswered.context);
    expect(result.handles).toEqual(['timeout']);
    expect(result.output.decision).toBe('timeout');
    expect(unanswered.calls).toEqual([
      { op: 'waitForDecision', request: { message: 'ship?', approvers: [], timeoutMs: 10 } },
    ]);
  });

  it('sub-workflow waits for the child output, or lets a fire-and-forget child outlive the run', async () => {
    const awaited = testControlContext(
      subWorkflow,
      { workflowId: CHILD_WORKFLOW, input: { n: 2 } },
      { startChildRun: async () => ({ runId: 'child-7', result: async () => 4 }) },
    );
    expect(await subWorkflow.run(awaited.context)).toEqual({
      output: { runId: 'child-7', output: 4 },
      handles: ['out'],
    });

    const fired = testControlContext(subWorkflow, { workflowId: CHILD_WORKFLOW, version: 3, wait: false });
    expect(await subWorkflow.run(fired.context)).toEqual({ output: { runId: 'child-run-1' }, handles: ['out'] });
    expect(fired.calls).toEqual([
      {
        op: 'startChildRun',
        request: { workflowId: CHILD_WORKFLOW, version: 3, input: null, outlivesParent: true },
      },
    ]);
  });
});
