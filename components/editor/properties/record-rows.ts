import type { JsonObject } from './field-values';

/** A record's entry as edited: names may be empty or repeated while the user types. */
export interface RecordRow {
  key: number;
  name: string;
  value: unknown;
}

export const toRows = (record: JsonObject): RecordRow[] =>
  Object.entries(record).map(([name, value], key) => ({ key, name, value }));

/** The record the rows stand for: unnamed rows are left out, and the last of a repeated name wins. */
export const fromRows = (rows: RecordRow[]): JsonObject =>
  Object.fromEntries(rows.filter((row) => row.name !== '').map((row) => [row.name, row.value]));

/** Same names in the same order with the same values: the rows already show this record. */
export function sameRecord(a: JsonObject, b: JsonObject): boolean {
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  return aKeys.length === bKeys.length && aKeys.every((key, index) => key === bKeys[index] && a[key] === b[key]);
}

/** Rows whose name a later row repeats: their value is not the one kept. */
export function shadowedRows(rows: RecordRow[]): Set<number> {
  const shadowed = new Set<number>();
  const seen = new Set<string>();
  for (const row of [...rows].reverse()) {
    if (row.name !== '' && seen.has(row.name)) shadowed.add(row.key);
    seen.add(row.name);
  }
  return shadowed;
}

export const nextRowKey = (rows: RecordRow[]) => (rows.length === 0 ? 0 : Math.max(...rows.map((row) => row.key)) + 1);
