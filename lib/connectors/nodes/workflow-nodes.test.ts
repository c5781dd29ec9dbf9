import { describe, expect, it } from 'vitest';
import type { ExpressionScope } from '../../definition/expressions';
import { NodeFailure, outputHandles, type PureNodeType } from '../define-node';
import { manualTrigger } from './manual-trigger';
import { setVariables } from './set-variables';
import { transform } from './transform';
import { ifElse } from './if-else';
import { switchNode } from './switch';
import { parallel } from './parallel';
import { stopAndError } from './stop-and-error';
import { workflowOutput } from './workflow-output';
import { delay } from './delay';
import { approval } from './approval';

const scope: ExpressionScope = {
  input: { orders: [{ total: 5 }, { total: 7 }] },
  nodes: {},
  vars: {},
  run: { id: 'r', workflowId: 'w', version: 1, startedAt: '2026-01-01T00:00:00.000Z' },
};

function run(node: PureNodeType, config: unknown) {
  return node.execute({ nodeId: 'n', config: node.config.parse(config), scope });
}

describe('pure node types', () => {
  it('trigger and parallel pass the run input on', async () => {
    expect((await run(manualTrigger, {})).output).toEqual(scope.input);
    expect((await run(parallel, {})).output).toEqual(scope.input);
  });

  it('set variables outputs and sets them', async () => {
    expect(await run(setVariables, { values: { limit: 10 } })).toEqual({
      output: { limit: 10 },
      setVars: { limit: 10 },
    });
    expect(setVariables.config.safeParse({ values: { 'not ok': 1 } }).success).toBe(false);
  });

  it('transform evaluates JSONata against the scope', async () => {
    expect((await run(transform, { expression: '$sum(input.orders.total)' })).output).toBe(12);
  });

  it('if/else and switch choose their handles', async () => {
    expect((await run(ifElse, { condition: false })).handles).toEqual(['false']);
    const cases = [
      { name: 'a', when: false },
      { name: 'b', when: true },
    ];
    expect((await run(switchNode, { cases })).handles).toEqual(['b']);
    expect((await run(switchNode, { cases: [{ name: 'a', when: false }] })).handles).toEqual(['default']);
    expect(outputHandles(switchNode, { cases })).toEqual(['a', 'b', 'default']);
    expect(switchNode.config.safeParse({ cases: [cases[0], cases[0]] }).success).toBe(false);
  });

  it('stop-and-error throws a non-retryable failure with its code', () => {
    let thrown: unknown;
    try {
      stopAndError.execute({
        nodeId: 'n',
        config: stopAndError.config.parse({ message: 'no stock', code: 'OutOfStock' }),
        scope,
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NodeFailure);
    expect(thrown).toMatchObject({ message: 'no stock', options: { type: 'OutOfStock', nonRetryable: true } });
  });

  it('workflow output sets the run output', async () => {
    expect(await run(workflowOutput, { value: { ok: true } })).toMatchObject({ runOutput: { ok: true } });
  });
});

describe('control node configs', () => {
  it('delay takes a duration or an ISO date with offset', () => {
    expect(delay.config.safeParse({ mode: 'duration', durationMs: 1000 }).success).toBe(true);
    expect(delay.config.safeParse({ mode: 'until', until: '2026-12-01T10:00:00Z' }).success).toBe(true);
    expect(delay.config.safeParse({ mode: 'until', until: 'tomorrow' }).success).toBe(false);
  });

  it('approval has approved, rejected and timeout branches', () => {
    expect(outputHandles(approval, {})).toEqual(['approved', 'rejected', 'timeout']);
  });
});
