import { describe, expect, it } from 'vitest';
import { formatDuration, formatRelativeTime } from './format';

describe('formatRelativeTime', () => {
  const now = new Date('2026-01-10T12:00:00Z');
  it('picks the largest whole unit', () => {
    expect(formatRelativeTime(new Date('2026-01-10T11:59:30Z'), now)).toBe('30 seconds ago');
    expect(formatRelativeTime(new Date('2026-01-10T09:00:00Z'), now)).toBe('3 hours ago');
    expect(formatRelativeTime(new Date('2026-01-09T12:00:00Z'), now)).toBe('yesterday');
    expect(formatRelativeTime(now, now)).toBe('now');
  });
});

describe('formatDuration', () => {
  it('scales from milliseconds to minutes', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_340)).toBe('12.3 s');
    expect(formatDuration(125_000)).toBe('2 m 5 s');
  });
});
