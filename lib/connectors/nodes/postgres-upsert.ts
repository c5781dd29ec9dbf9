import { z } from 'zod';
import { defineNode } from '../define-node';
import { connectionFields, postgresOutput, returningField, rowsField } from '../postgres/config';
import { runPostgresStatement } from '../postgres/run-statement';
import { columnName, tableName, upsertStatement } from '../postgres/statements';

export const postgresUpsert = defineNode({
  type: 'postgres.upsert',
  kind: 'activity',
  category: 'action',
  label: 'Postgres upsert',
  description: 'Inserts rows, updating the existing row instead where the conflict columns match one.',
  icon: 'database',
  config: z.object({
    ...connectionFields,
    table: tableName,
    rows: rowsField,
    conflictColumns: z
      .array(columnName, { error: 'conflictColumns must be a list of column names' })
      .min(1, 'conflictColumns is empty: name the columns of a unique index or primary key')
      .describe('The columns of a unique index or primary key that identify a row'),
    updateColumns: z
      .array(columnName, { error: 'updateColumns must be a list of column names' })
      .optional()
      .describe(
        'Columns to overwrite on a conflict; every other column of rows when left out, none to keep the old row',
      ),
    returning: returningField,
  }),
  output: postgresOutput,
  execute: (context) =>
    runPostgresStatement(context, 'upsert', () =>
      upsertStatement(context.config.table, context.config.rows, {
        conflictColumns: context.config.conflictColumns,
        updateColumns: context.config.updateColumns,
        returning: context.config.returning,
      }),
    ),
});
