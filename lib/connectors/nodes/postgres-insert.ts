import { z } from 'zod';
import { defineNode } from '../define-node';
import { connectionFields, postgresOutput, returningField, rowsField } from '../postgres/config';
import { runPostgresStatement } from '../postgres/run-statement';
import { insertStatement, tableName } from '../postgres/statements';

export const postgresInsert = defineNode({
  type: 'postgres.insert',
  kind: 'activity',
  category: 'action',
  label: 'Postgres insert',
  description: 'Inserts rows into a table; objects and arrays are stored as JSON.',
  icon: 'database',
  config: z.object({
    ...connectionFields,
    table: tableName,
    rows: rowsField,
    returning: returningField,
  }),
  output: postgresOutput,
  execute: (context) =>
    runPostgresStatement(context, 'insert', () =>
      insertStatement(context.config.table, context.config.rows, { returning: context.config.returning }),
    ),
});
