import { describe, expect, it } from 'vitest';
import type { RunLogLine } from '@/lib/events/run-stream-schema';
import { filterLogs, NO_FILTER } from './log-filter';

const line = (seq: number, nodeId: string, level: RunLogLine['level'], message: string, data: unknown = null) => ({
  seq,
  nodeId,
  attempt: 1,
  level,
  message,
  data,
  ts: '2026-11-30T09:00:00.000Z',
});

const lines: RunLogLine[] = [
  line(1, 'fetch', 'DEBUG', 'request sent'),
  line(2, 'fetch', 'WARN', 'slow answer'),
  line(3, 'code', 'INFO', 'Total: 42', { orderId: 'A-17' }),
  line(4, 'code', 'ERROR', 'total mismatch'),
];
const seqs = (filter: Partial<typeof NO_FILTER>) => filterLogs(lines, { ...NO_FILTER, ...filter }).map((l) => l.seq);

describe('filterLogs', () => {
  it('keeps every line with no filter', () => expect(seqs({})).toEqual([1, 2, 3, 4]));
  it('keeps lines at the level and above', () => expect(seqs({ minLevel: 'WARN' })).toEqual([2, 4]));
  it('keeps one node’s lines', () => expect(seqs({ nodeId: 'code' })).toEqual([3, 4]));
  it('searches message and data, ignoring case', () => {
    expect(seqs({ search: 'TOTAL' })).toEqual([3, 4]);
    expect(seqs({ search: 'a-17' })).toEqual([3]);
  });
  it('combines filters', () => expect(seqs({ nodeId: 'code', minLevel: 'ERROR', search: 'total' })).toEqual([4]));
});
