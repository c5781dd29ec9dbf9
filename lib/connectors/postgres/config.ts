import { z } from 'zod';
import { row } from './statements';

/** The fields every Postgres node has: which connection, and how long one statement may run. */
export const connectionFields = {
  credentialId: z.uuid({ error: 'credentialId must be a Postgres credential id' }).meta({ credentialType: 'postgres' }),
  statementTimeoutMs: z
    .number({ error: 'statementTimeoutMs must be a number of milliseconds' })
    .int('statementTimeoutMs must be a whole number of milliseconds')
    .min(1, 'statementTimeoutMs must be at least 1')
    .max(600_000, 'statementTimeoutMs may be at most 600000 (10 minutes)')
    .default(30_000),
};

const isPlainObject = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Rows to write; a single object (an upstream node's output, say) counts as one row. */
export const rowsField = z.preprocess(
  (value) => (isPlainObject(value) ? [value] : value),
  z
    .array(row, { error: 'rows must be a list of objects of column name to value' })
    .min(1, 'rows is empty: give at least one row')
    .max(1000, 'rows may hold at most 1000 rows: split larger writes with a loop'),
);

export const returningField = z
  .boolean({ error: 'returning must be true or false' })
  .default(true)
  .describe('Return the written rows (RETURNING *)');

export const postgresOutput = z.object({
  rows: z.array(z.record(z.string(), z.unknown())),
  /** Rows returned, or for writes the rows written. */
  rowCount: z.number().int(),
});
export type PostgresOutput = z.output<typeof postgresOutput>;
