import { describe, expect, it } from 'vitest';
import type { RunLogLine } from '@/lib/events/run-stream-schema';
import { parseRunEvent } from './parse-run-event';

const line = (seq: number, message: string): RunLogLine => ({
  seq,
  nodeId: 'code',
  attempt: 1,
  level: 'INFO',
  message,
  data: null,
  ts: '2026-11-30T09:00:00.000Z',
});

describe('parseRunEvent', () => {
  it('reads the events it knows and drops malformed or unknown ones', () => {
    expect(parseRunEvent('log', JSON.stringify(line(3, 'hi')))).toEqual({ event: 'log', data: line(3, 'hi') });
    expect(parseRunEvent('log', JSON.stringify({ message: 'no level' }))).toBeNull();
    expect(parseRunEvent('presence', '{}')).toBeNull();
  });
});
