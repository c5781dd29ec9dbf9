import pg, { type QueryResult, type QueryResultRow } from 'pg';
import { db, dbPool } from './client';
import type { Prisma } from './generated/client';

// Tenant-scoped database access. The app's database role is subject to row-level security
// (prisma/migrations/20261123070000_row_level_security): on every tenant-owned table it sees
// and may write only the rows its transaction's settings allow, so a query that forgets its
// org filter finds nothing of another org. Explicit `orgId` filters stay in every query; these
// settings are the second line of defence.
//
//   orgDb(orgId).workflow.findMany(…)           one model operation, scoped to the org
//   withOrgTransaction(orgId, async (tx) => …)  several statements atomically, or raw SQL
//   orgStatement(orgId, sql, values)            one raw statement in one round trip (hot paths)
//   scopedDb({ userId }) / scopedDb({ apiKeyHash })
//                                               sign-in lookups made before the org is known
//
// The worker's progress write, the hottest statement, is a database function that takes the org
// and sets the scope itself (write_run_progress, temporal/activities/progress-writer.ts), so
// PostgreSQL keeps its plan.
//
// Plain `db()` sees no tenant row as the app role: use it only for users, accounts, sessions
// and for reading or creating orgs (changing or deleting an org takes its orgDb), or in tests
// and admin tools that connect as the tables' owner. A lookup finds rows, then writes go
// through the orgDb of the org it found. An audit event with no org (a failed sign-in) is
// written with `db().auditEvent.createMany`: insert-only, since the app may not read it back.

/** Whom a transaction acts for; each field becomes a transaction-local setting the policies read. */
export interface DbScope {
  /** `app.org_id`: every tenant table, read and write; updating or deleting the org itself. */
  orgId?: string;
  /** `app.user_id`: read the user's own memberships (which orgs may they enter?). */
  userId?: string;
  /** `app.api_key_hash`: read the API key with this hash (whose key is this bearer?). */
  apiKeyHash?: string;
  /** `app.invitation_token_hash`: read the invitation with this token hash (accepting a link). */
  invitationTokenHash?: string;
}

type ScopeSetter = Pick<Prisma.TransactionClient, '$executeRaw'>;

// `true`: local to the transaction, so a pooled connection never carries a scope to its next user.
const applyScope = (client: ScopeSetter, scope: DbScope) =>
  client.$executeRaw`SELECT
    set_config('app.org_id', ${scope.orgId ?? ''}, true),
    set_config('app.user_id', ${scope.userId ?? ''}, true),
    set_config('app.api_key_hash', ${scope.apiKeyHash ?? ''}, true),
    set_config('app.invitation_token_hash', ${scope.invitationTokenHash ?? ''}, true)`;

function extendWithScope(scope: DbScope) {
  const base = db();
  return base.$extends({
    name: 'db-scope',
    query: {
      $allModels: {
        // Each operation becomes a short batch transaction: set the scope, then the operation
        // on the same connection (Prisma's documented pattern for row-level security).
        async $allOperations({ args, query }) {
          const [, result] = await base.$transaction([applyScope(base, scope), query(args)]);
          return result;
        },
      },
    },
  });
}

/**
 * A client whose model operations each run in their own transaction with `scope` set. It has
 * no `$transaction` (its operations would each commit on their own) and no raw queries (they
 * would run unscoped): use `withOrgTransaction` for those.
 */
export type ScopedDb = Omit<
  ReturnType<typeof extendWithScope>,
  '$transaction' | '$queryRaw' | '$executeRaw' | '$queryRawUnsafe' | '$executeRawUnsafe'
>;

export function scopedDb(scope: DbScope): ScopedDb {
  return extendWithScope(scope);
}

/** The client for one org's data: what lib/ uses for every tenant-owned table. */
export function orgDb(orgId: string): ScopedDb {
  return scopedDb({ orgId });
}

/** Runs `work` in one interactive transaction whose first statement sets `scope`. */
function withScopedTransaction<T>(
  scope: DbScope,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options?: TransactionOptions,
): Promise<T> {
  return db().$transaction(async (tx) => {
    await applyScope(tx, scope);
    return work(tx);
  }, options);
}

/**
 * Prisma's limits for an interactive transaction (default: 5 s to run, 2 s to get a connection),
 * and its isolation level (default: read committed).
 */
export interface TransactionOptions {
  timeout?: number;
  maxWait?: number;
  isolationLevel?: Prisma.TransactionIsolationLevel;
}

/** Several statements on one org's data atomically, or raw SQL on tenant tables. */
export function withOrgTransaction<T>(
  orgId: string,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options?: TransactionOptions,
): Promise<T> {
  return withScopedTransaction({ orgId }, work, options);
}

/** A value {@link orgStatement} sends in its statement's text. */
export type SqlValue = string | number | boolean | null;

function sqlLiteral(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`orgStatement: ${value} is not a number SQL can take`);
    // In parentheses, so a negative number after a minus sign never reads as a comment.
    return `(${value})`;
  }
  return pg.escapeLiteral(value);
}

/**
 * One statement on one org's data in a single round trip, where `withOrgTransaction` takes four
 * (BEGIN, the scope, the statement, COMMIT): the scope and the statement travel as one simple
 * query, which PostgreSQL runs as one transaction, so the scope is local to it as there. A simple
 * query takes no parameters: `$1`, `$2`… in `sql` are replaced by `values` as escaped literals,
 * so `sql` must hold no other `$` followed by a digit, and PostgreSQL's log shows the values with
 * a statement that fails: send only what the statement stores or reads anyway. For statements on
 * a hot path (the worker's progress writes); answers the statement's rows.
 */
export async function orgStatement<Row extends QueryResultRow>(
  orgId: string,
  sql: string,
  values: SqlValue[],
): Promise<Row[]> {
  const statement = sql.replace(/\$(\d+)/g, (_, position: string) => {
    const index = Number(position) - 1;
    if (index >= values.length) throw new Error(`orgStatement: $${position} has no value`);
    return sqlLiteral(values[index]);
  });
  const scope = `SELECT set_config('app.org_id', ${sqlLiteral(orgId)}, true), set_config('app.user_id', '', true),
    set_config('app.api_key_hash', '', true), set_config('app.invitation_token_hash', '', true)`;
  const results = (await dbPool().query(`${scope};\n${statement}`)) as unknown as QueryResult<Row>[];
  return results[1].rows;
}
