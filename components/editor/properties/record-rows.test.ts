import { describe, expect, it } from 'vitest';
import { fromRows, nextRowKey, sameRecord, shadowedRows, toRows } from './record-rows';

describe('record rows', () => {
  it('round-trips a record', () => {
    const record = { Accept: 'application/json', 'X-Id': '{{ run.id }}' };
    expect(fromRows(toRows(record))).toEqual(record);
    expect(sameRecord(fromRows(toRows(record)), record)).toBe(true);
  });

  it('leaves unnamed rows out and keeps the last of a repeated name', () => {
    const rows = [
      { key: 0, name: 'a', value: 1 },
      { key: 1, name: '', value: 2 },
      { key: 2, name: 'a', value: 3 },
    ];
    expect(fromRows(rows)).toEqual({ a: 3 });
    expect([...shadowedRows(rows)]).toEqual([0]);
    expect(nextRowKey(rows)).toBe(3);
  });

  it('tells a reordered or changed record apart', () => {
    expect(sameRecord({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameRecord({ a: {} }, { a: {} })).toBe(false);
  });
});
