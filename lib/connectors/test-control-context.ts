import type { z } from 'zod';
import type { ControlContext, ControlNodeType } from './define-node';

/** One durable operation a control node asked for, in the order it asked. */
export type ControlCall =
  | { op: 'sleep'; ms: number }
  | { op: 'runLoop'; items: unknown[]; concurrency: number }
  | { op: 'waitForDecision'; request: Parameters<ControlContext<unknown>['waitForDecision']>[0] }
  | { op: 'startChildRun'; request: Parameters<ControlContext<unknown>['startChildRun']>[0] };

/**
 * A control context for testing one control node outside Temporal: the config is parsed by the
 * node, every durable operation is recorded and settles at once (a loop returns its items, a
 * wait times out, a child run answers `null`) unless `overrides` says otherwise.
 */
export function testControlContext<C extends z.ZodType>(
  node: ControlNodeType<C>,
  config: unknown,
  overrides: Partial<Omit<ControlContext<z.output<C>>, 'config'>> = {},
): { context: ControlContext<z.output<C>>; calls: ControlCall[] } {
  const calls: ControlCall[] = [];
  const context: ControlContext<z.output<C>> = {
    nodeId: 'node-1',
    activeSources: () => [],
    outputOf: () => undefined,
    sleep: async (ms) => void calls.push({ op: 'sleep', ms }),
    runLoop: async (items, concurrency) => {
      calls.push({ op: 'runLoop', items, concurrency });
      return items;
    },
    waitForDecision: async (request) => void calls.push({ op: 'waitForDecision', request }),
    startChildRun: async (request) => {
      calls.push({ op: 'startChildRun', request });
      return { runId: 'child-run-1', result: async () => null };
    },
    ...overrides,
    config: node.config.parse(config),
  };
  return { context, calls };
}
