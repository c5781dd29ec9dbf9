import { describe, expect, it } from 'vitest';
import { describePrune } from './prune-summary';

describe('describePrune', () => {
  it('says when, in UTC, and how many of each', () => {
    expect(describePrune({ at: '2026-11-29T03:00:04.120Z', runs: 1, logs: 12_345 })).toBe(
      '29 Nov 2026, 03:00 UTC: 1 run and 12,345 log lines',
    );
    expect(describePrune({ at: '2026-01-02T23:59:00.000Z', runs: 2, logs: 1 })).toBe(
      '2 Jan 2026, 23:59 UTC: 2 runs and 1 log line',
    );
  });
});
