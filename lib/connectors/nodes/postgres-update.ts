import { z } from 'zod';
import { defineNode } from '../define-node';
import { connectionFields, postgresOutput, returningField } from '../postgres/config';
import { runPostgresStatement } from '../postgres/run-statement';
import { row, tableName, updateStatement } from '../postgres/statements';

export const postgresUpdate = defineNode({
  type: 'postgres.update',
  kind: 'activity',
  category: 'action',
  label: 'Postgres update',
  description: 'Changes the columns in set of the rows whose columns equal where.',
  icon: 'database',
  config: z.object({
    ...connectionFields,
    table: tableName,
    set: row
      .refine((value) => Object.keys(value).length > 0, 'set is empty: give at least one column to change')
      .describe('Column name to new value'),
    where: row
      .refine(
        (value) => Object.keys(value).length > 0,
        'where is empty: give at least one column to match (to change every row, use a query)',
      )
      .describe('Column name to the value it must equal (null matches IS NULL); all must hold'),
    returning: returningField,
  }),
  output: postgresOutput,
  execute: (context) =>
    runPostgresStatement(context, 'update', () =>
      updateStatement(context.config.table, context.config.set, context.config.where, {
        returning: context.config.returning,
      }),
    ),
});
