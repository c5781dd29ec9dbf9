import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { sandboxThreadCount } from './sandbox-pool';

describe('sandboxThreadCount', () => {
  it('is one thread per core unless CODE_SANDBOX_THREADS says otherwise', () => {
    expect(sandboxThreadCount({})).toBe(availableParallelism());
    expect(sandboxThreadCount({ CODE_SANDBOX_THREADS: '3' })).toBe(3);
  });

  it.each(['0', '-1', '1.5', 'many', ''])('refuses CODE_SANDBOX_THREADS=%j', (value) => {
    expect(() => sandboxThreadCount({ CODE_SANDBOX_THREADS: value })).toThrow('CODE_SANDBOX_THREADS');
  });
});
