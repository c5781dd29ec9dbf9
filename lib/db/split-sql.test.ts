import { describe, expect, it } from 'vitest';
import { splitSqlStatements } from './split-sql';

describe('splitSqlStatements', () => {
  it('splits on the semicolons that end statements, dropping empty ones', () => {
    expect(splitSqlStatements('CREATE TABLE a (id int);\n\nALTER TABLE a ADD b text ;;\nDROP TABLE a')).toEqual([
      'CREATE TABLE a (id int)',
      'ALTER TABLE a ADD b text',
      'DROP TABLE a',
    ]);
  });

  it('keeps a function body in dollar quotes whole, whatever its tag', () => {
    const plpgsql = `CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$
BEGIN
  PERFORM 1;
  RETURN 2;
END
$body$`;
    const sql = `CREATE FUNCTION g() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$`;

    expect(splitSqlStatements(`${plpgsql};\n${sql};`)).toEqual([plpgsql, sql]);
  });

  it('does not split inside strings, quoted identifiers or comments, escaped quotes included', () => {
    const statements = [
      `INSERT INTO t VALUES ('a;b', 'it''s; fine')`,
      `SELECT 1 AS "odd;name" -- a comment; with a semicolon\n`,
      `SELECT /* block; comment */ 2`,
    ];

    expect(splitSqlStatements(statements.join(';\n'))).toEqual(statements.map((statement) => statement.trim()));
  });

  it('takes a $ that opens no dollar quote as text, as in a positional parameter', () => {
    expect(splitSqlStatements('SELECT $1::int; SELECT 2')).toEqual(['SELECT $1::int', 'SELECT 2']);
  });
});
