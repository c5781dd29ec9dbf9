import { z } from 'zod';
import { defineNode } from '../define-node';
import { connectionFields, postgresOutput } from '../postgres/config';
import { runPostgresStatement } from '../postgres/run-statement';

export const postgresQuery = defineNode({
  type: 'postgres.query',
  kind: 'activity',
  category: 'action',
  label: 'Postgres query',
  description: 'Runs one SQL statement with $1, $2, … parameters and returns its rows.',
  icon: 'database',
  config: z.object({
    ...connectionFields,
    sql: z
      .string({ error: 'sql must be text' })
      .trim()
      .min(1, 'sql is empty: write one statement, with $1, $2, … where values go')
      .describe('One statement; put values in params and refer to them as $1, $2, …, never into the text'),
    params: z
      .array(z.unknown(), { error: 'params must be a list of values for $1, $2, …' })
      .default([])
      .describe('Values for $1, $2, …; an array goes as a PostgreSQL array, an object as JSON'),
  }),
  output: postgresOutput,
  execute: (context) =>
    runPostgresStatement(context, 'query', () => ({ text: context.config.sql, values: context.config.params })),
});
