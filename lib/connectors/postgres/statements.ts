import pg from 'pg';
import { z } from 'zod';

/** SQL text with $n placeholders and the values for them: nothing from a config is ever spliced into the text. */
export interface Statement {
  text: string;
  values: unknown[];
}

// PostgreSQL's own limits: NAMEDATALEN - 1 bytes per identifier, and 65535 bind parameters.
const MAX_IDENTIFIER_BYTES = 63;
const MAX_PARAMETERS = 65_535;

const identifierProblem = (name: string): string | undefined => {
  if (name.length === 0) return 'is empty';
  if (name.includes('\u0000')) return 'contains a NUL character';
  if (Buffer.byteLength(name) > MAX_IDENTIFIER_BYTES) return `is longer than ${MAX_IDENTIFIER_BYTES} bytes`;
  return undefined;
};

/** A column name: any text PostgreSQL accepts as an identifier; it is always quoted. */
export const columnName = z.string({ error: 'column names must be text' }).superRefine((name, context) => {
  const problem = identifierProblem(name);
  if (problem) context.addIssue({ code: 'custom', message: `column name "${name}" ${problem}` });
});

/** `table` or `schema.table`; each part is quoted, so case and any character but "." are kept. */
export const tableName = z
  .string({ error: 'table must be text' })
  .trim()
  .min(1, 'table is empty: give a table name or schema.table')
  .superRefine((table, context) => {
    const parts = table.split('.');
    if (parts.length > 2) {
      context.addIssue({
        code: 'custom',
        message: `table "${table}" has more than one ".": give table or schema.table`,
      });
      return;
    }
    for (const part of parts) {
      const problem = identifierProblem(part);
      if (problem) context.addIssue({ code: 'custom', message: `table "${table}": name "${part}" ${problem}` });
    }
  });

/** One row: column name to value. */
export const row = z
  .record(z.string(), z.unknown(), { error: 'a row must be an object of column name to value' })
  .superRefine((value, context) => {
    for (const column of Object.keys(value)) {
      const problem = identifierProblem(column);
      if (problem) context.addIssue({ code: 'custom', path: [column], message: `column name "${column}" ${problem}` });
    }
  });
export type Row = z.output<typeof row>;

export const quoteTable = (table: string) => table.split('.').map(pg.escapeIdentifier).join('.');
const quoteColumns = (columns: readonly string[]) => columns.map(pg.escapeIdentifier).join(', ');

/**
 * A value bound to a column: objects and arrays go as JSON text, which PostgreSQL casts to the
 * column's json or jsonb type (pg alone would send an array as a PostgreSQL array literal).
 */
export const columnValue = (value: unknown) =>
  value !== null && typeof value === 'object' ? JSON.stringify(value) : value;

class Placeholders {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(columnValue(value));
    if (this.values.length > MAX_PARAMETERS) {
      throw new StatementProblem(
        `the statement needs more than ${MAX_PARAMETERS} values, PostgreSQL's limit: send fewer rows at once`,
      );
    }
    return `$${this.values.length}`;
  }
}

/** Input a statement cannot be built from; the message names the field at fault. */
export class StatementProblem extends Error {
  override name = 'StatementProblem';
}

/** Every column any row names, in the order they first appear. */
export function columnsOf(rows: readonly Row[]): string[] {
  const columns = new Set<string>();
  for (const each of rows) for (const column of Object.keys(each)) columns.add(column);
  return [...columns];
}

const returningClause = (returning: boolean) => (returning ? ' RETURNING *' : '');

function valuesClause(rows: readonly Row[], columns: readonly string[], placeholders: Placeholders): string {
  // A column one row leaves out takes its default there, as it would in a single-row INSERT.
  return rows
    .map(
      (each) =>
        `(${columns.map((column) => (Object.hasOwn(each, column) ? placeholders.add(each[column]) : 'DEFAULT')).join(', ')})`,
    )
    .join(', ');
}

export function insertStatement(table: string, rows: readonly Row[], options: { returning: boolean }): Statement {
  const columns = columnsOf(rows);
  if (columns.length === 0) throw new StatementProblem('rows: every row is empty: give at least one column to insert');
  const placeholders = new Placeholders();
  const text = `INSERT INTO ${quoteTable(table)} (${quoteColumns(columns)}) VALUES ${valuesClause(rows, columns, placeholders)}${returningClause(options.returning)}`;
  return { text, values: placeholders.values };
}

/** `column = $n` for each condition, or `column IS NULL` for a null, joined with AND. */
function whereClause(where: Row, placeholders: Placeholders): string {
  return Object.entries(where)
    .map(([column, value]) =>
      value === null
        ? `${pg.escapeIdentifier(column)} IS NULL`
        : `${pg.escapeIdentifier(column)} = ${placeholders.add(value)}`,
    )
    .join(' AND ');
}

export function updateStatement(table: string, set: Row, where: Row, options: { returning: boolean }): Statement {
  if (Object.keys(set).length === 0) throw new StatementProblem('set is empty: give at least one column to change');
  if (Object.keys(where).length === 0) {
    throw new StatementProblem('where is empty: give at least one column to match (to change every row, use a query)');
  }
  const placeholders = new Placeholders();
  const assignments = Object.entries(set)
    .map(([column, value]) => `${pg.escapeIdentifier(column)} = ${placeholders.add(value)}`)
    .join(', ');
  const text = `UPDATE ${quoteTable(table)} SET ${assignments} WHERE ${whereClause(where, placeholders)}${returningClause(options.returning)}`;
  return { text, values: placeholders.values };
}

export function upsertStatement(
  table: string,
  rows: readonly Row[],
  options: { conflictColumns: readonly string[]; updateColumns?: readonly string[]; returning: boolean },
): Statement {
  const columns = columnsOf(rows);
  if (columns.length === 0) throw new StatementProblem('rows: every row is empty: give at least one column to insert');
  for (const column of options.conflictColumns) {
    if (!columns.includes(column)) {
      throw new StatementProblem(
        `conflictColumns: "${column}" is not a column of rows: rows must give the key to match on`,
      );
    }
  }
  const updates = options.updateColumns ?? columns.filter((column) => !options.conflictColumns.includes(column));
  for (const column of updates) {
    if (!columns.includes(column)) {
      throw new StatementProblem(
        `updateColumns: "${column}" is not a column of rows: only columns rows give can be updated`,
      );
    }
  }
  const placeholders = new Placeholders();
  const action =
    updates.length === 0
      ? 'DO NOTHING'
      : `DO UPDATE SET ${updates.map((column) => `${pg.escapeIdentifier(column)} = EXCLUDED.${pg.escapeIdentifier(column)}`).join(', ')}`;
  const text =
    `INSERT INTO ${quoteTable(table)} (${quoteColumns(columns)}) VALUES ${valuesClause(rows, columns, placeholders)}` +
    ` ON CONFLICT (${quoteColumns(options.conflictColumns)}) ${action}${returningClause(options.returning)}`;
  return { text, values: placeholders.values };
}
