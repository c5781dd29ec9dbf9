import { describe, expect, it } from 'vitest';
import { definitionNodeSchema, type WorkflowDefinitionInput } from '../../../lib/definition/schema';
import { activityOptions, localActivityOptions, runsAsLocalActivity } from './activity-node';

const node = (settings: WorkflowDefinitionInput['nodes'][number]['settings'] = {}) =>
  definitionNodeSchema.parse({ id: 'call', type: 'http.request', settings });

describe('activity nodes: local or regular activity', () => {
  it.each([
    ['no settings', {}, true],
    ['a timeout of 60 s', { timeoutMs: 60_000 }, true],
    ['a timeout above 60 s', { timeoutMs: 60_001 }, false],
    ['a task queue of its own', { taskQueue: 'gpu' }, false],
    ['regular asked for', { activityMode: 'regular' }, false],
    ['local asked for, with a long timeout', { activityMode: 'local', timeoutMs: 600_000 }, true],
    ['local asked for, with a task queue', { activityMode: 'local', taskQueue: 'gpu' }, false],
  ] as const)('%s: local is %s', (_, settings, local) => {
    expect(runsAsLocalActivity(node(settings))).toBe(local);
  });

  it('gives a local activity the same timeout and retry policy, and long backoffs as timers', () => {
    const settings = {
      timeoutMs: 20_000,
      retry: { maxAttempts: 5, initialIntervalMs: 500, backoffCoefficient: 3, maxIntervalMs: 30_000 },
    };
    const retry = {
      maximumAttempts: 5,
      initialInterval: 500,
      backoffCoefficient: 3,
      maximumInterval: 30_000,
      nonRetryableErrorTypes: [],
    };
    expect(activityOptions(node(settings))).toEqual({
      startToCloseTimeout: 20_000,
      heartbeatTimeout: 10_000,
      taskQueue: undefined,
      retry,
    });
    expect(localActivityOptions(node(settings))).toEqual({
      startToCloseTimeout: 20_000,
      localRetryThreshold: 10_000,
      retry,
    });
  });
});
