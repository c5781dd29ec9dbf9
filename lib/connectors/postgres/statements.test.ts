import { describe, expect, it } from 'vitest';
import { postgresInsert } from '../nodes/postgres-insert';
import { postgresQuery } from '../nodes/postgres-query';
import { postgresUpdate } from '../nodes/postgres-update';
import { postgresUpsert } from '../nodes/postgres-upsert';
import { insertStatement, StatementProblem, updateStatement, upsertStatement } from './statements';

const credentialId = '0190a9d4-4c1e-7d2a-9b7e-6f1d2c3b4a59';

/** The first issue zod reports for a config, as `path: message`, the way a failed node names it. */
function refusal(
  schema: {
    safeParse(value: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  config: unknown,
) {
  const result = schema.safeParse(config);
  if (result.success) return undefined;
  const issue = result.error!.issues[0];
  return `${issue.path.join('.')}: ${issue.message}`;
}

describe('insertStatement', () => {
  it('quotes every identifier, binds every value as $n, and lets a column a row leaves out take its default', () => {
    const statement = insertStatement(
      'billing.Invoices',
      [
        { id: 1, 'vendor "name"': 'ACME', lineItems: [{ sku: 'a', qty: 2 }] },
        { id: 2, total: 9.5 },
      ],
      { returning: true },
    );
    expect(statement).toEqual({
      text: 'INSERT INTO "billing"."Invoices" ("id", "vendor ""name""", "lineItems", "total") VALUES ($1, $2, $3, DEFAULT), ($4, DEFAULT, DEFAULT, $5) RETURNING *',
      values: [1, 'ACME', '[{"sku":"a","qty":2}]', 2, 9.5],
    });
  });

  it('never puts a value into the SQL text, whatever it holds', () => {
    const hostile = "x'); DROP TABLE invoices; --";
    const statement = insertStatement('invoices', [{ note: hostile, [hostile]: 1 }], { returning: false });
    expect(statement.text).toBe(`INSERT INTO "invoices" ("note", "x'); DROP TABLE invoices; --") VALUES ($1, $2)`);
    expect(statement.values).toEqual([hostile, 1]);
  });

  it("refuses rows with no columns, and statements over PostgreSQL's 65535 parameters", () => {
    expect(() => insertStatement('t', [{}, {}], { returning: true })).toThrow(
      new StatementProblem('rows: every row is empty: give at least one column to insert'),
    );
    const wide = Object.fromEntries(Array.from({ length: 100 }, (_, index) => [`c${index}`, index]));
    expect(() =>
      insertStatement(
        't',
        Array.from({ length: 656 }, () => wide),
        { returning: true },
      ),
    ).toThrow("the statement needs more than 65535 values, PostgreSQL's limit: send fewer rows at once");
  });
});

describe('updateStatement', () => {
  it('binds set values before where values, and matches null with IS NULL', () => {
    expect(
      updateStatement(
        'invoices',
        { status: 'paid', meta: { by: 'ann' } },
        { id: 7, deleted_at: null },
        { returning: true },
      ),
    ).toEqual({
      text: 'UPDATE "invoices" SET "status" = $1, "meta" = $2 WHERE "id" = $3 AND "deleted_at" IS NULL RETURNING *',
      values: ['paid', '{"by":"ann"}', 7],
    });
  });

  it('refuses an empty set or where rather than change every row', () => {
    expect(() => updateStatement('t', { a: 1 }, {}, { returning: true })).toThrow(
      'where is empty: give at least one column to match (to change every row, use a query)',
    );
    expect(() => updateStatement('t', {}, { id: 1 }, { returning: true })).toThrow(
      'set is empty: give at least one column to change',
    );
  });
});

describe('upsertStatement', () => {
  it('updates every column but the conflict columns by default, from EXCLUDED', () => {
    expect(
      upsertStatement('invoices', [{ number: 'A-1', total: 10, currency: 'EUR' }], {
        conflictColumns: ['number'],
        returning: true,
      }),
    ).toEqual({
      text: 'INSERT INTO "invoices" ("number", "total", "currency") VALUES ($1, $2, $3) ON CONFLICT ("number") DO UPDATE SET "total" = EXCLUDED."total", "currency" = EXCLUDED."currency" RETURNING *',
      values: ['A-1', 10, 'EUR'],
    });
  });

  it('does nothing on a conflict when no column is to be updated', () => {
    expect(
      upsertStatement('t', [{ id: 1, a: 2 }], { conflictColumns: ['id'], updateColumns: [], returning: false }).text,
    ).toBe('INSERT INTO "t" ("id", "a") VALUES ($1, $2) ON CONFLICT ("id") DO NOTHING');
  });

  it('refuses conflict or update columns the rows do not give', () => {
    expect(() => upsertStatement('t', [{ a: 1 }], { conflictColumns: ['id'], returning: true })).toThrow(
      'conflictColumns: "id" is not a column of rows: rows must give the key to match on',
    );
    expect(() =>
      upsertStatement('t', [{ id: 1 }], { conflictColumns: ['id'], updateColumns: ['b'], returning: true }),
    ).toThrow('updateColumns: "b" is not a column of rows: only columns rows give can be updated');
  });
});

describe('Postgres node configs', () => {
  it('fill in their defaults and take a single object as one row', () => {
    expect(postgresQuery.config.parse({ credentialId, sql: 'SELECT $1::int AS n' })).toEqual({
      credentialId,
      sql: 'SELECT $1::int AS n',
      params: [],
      statementTimeoutMs: 30_000,
    });
    expect(postgresInsert.config.parse({ credentialId, table: 'invoices', rows: { id: 1 } })).toMatchObject({
      rows: [{ id: 1 }],
      returning: true,
    });
  });

  it('refuse bad input with a message naming the field', () => {
    expect(refusal(postgresQuery.config, { credentialId, sql: '  ' })).toBe(
      'sql: sql is empty: write one statement, with $1, $2, … where values go',
    );
    expect(refusal(postgresQuery.config, { credentialId: 'db', sql: 'SELECT 1' })).toBe(
      'credentialId: credentialId must be a Postgres credential id',
    );
    expect(refusal(postgresQuery.config, { credentialId, sql: 'SELECT 1', statementTimeoutMs: 0 })).toBe(
      'statementTimeoutMs: statementTimeoutMs must be at least 1',
    );
    expect(refusal(postgresInsert.config, { credentialId, table: 'a.b.c', rows: [{ id: 1 }] })).toBe(
      'table: table "a.b.c" has more than one ".": give table or schema.table',
    );
    expect(refusal(postgresInsert.config, { credentialId, table: 'x'.repeat(64), rows: [{ id: 1 }] })).toBe(
      `table: table "${'x'.repeat(64)}": name "${'x'.repeat(64)}" is longer than 63 bytes`,
    );
    expect(refusal(postgresInsert.config, { credentialId, table: 't', rows: [] })).toBe(
      'rows: rows is empty: give at least one row',
    );
    expect(refusal(postgresInsert.config, { credentialId, table: 't', rows: [{ '': 1 }] })).toBe(
      'rows.0.: column name "" is empty',
    );
    expect(refusal(postgresInsert.config, { credentialId, table: 't', rows: 'id=1' })).toBe(
      'rows: rows must be a list of objects of column name to value',
    );
    expect(refusal(postgresUpdate.config, { credentialId, table: 't', set: { a: 1 }, where: {} })).toBe(
      'where: where is empty: give at least one column to match (to change every row, use a query)',
    );
    expect(refusal(postgresUpsert.config, { credentialId, table: 't', rows: [{ id: 1 }], conflictColumns: [] })).toBe(
      'conflictColumns: conflictColumns is empty: name the columns of a unique index or primary key',
    );
  });
});
