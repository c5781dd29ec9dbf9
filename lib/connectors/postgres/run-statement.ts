import pg from 'pg';
import { NodeFailure, type ActivityContext } from '../define-node';
import { readNodeCredential } from '../node-credential';
import { findOutboundBlocked } from '../../outbound/outbound-blocked';
import { StatementProblem, type Statement } from './statements';
import type { PostgresOutput } from './config';
import { postgresConnection } from './connection';

const CONNECT_TIMEOUT_MS = 10_000;

// Dates, timestamps and bytea stay as PostgreSQL's text: a JavaScript Date would move a date to
// the worker's time zone, and a Buffer is no JSON value.
const TEXT_TYPES = new Set([
  pg.types.builtins.DATE,
  pg.types.builtins.TIMESTAMP,
  pg.types.builtins.TIMESTAMPTZ,
  pg.types.builtins.BYTEA,
]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    TEXT_TYPES.has(oid)
      ? (value: string) => value
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

// SQLSTATE classes worth another attempt: connection trouble, serialization failures and
// deadlocks, lack of resources, an administrator's shutdown, a system error. A statement the
// server refuses for what it says (syntax, a missing table, a constraint, a bad login) fails the
// same way every time.
const RETRYABLE_CLASSES = new Set(['08', '40', '53', '57', '58']);

interface PgError extends Error {
  code?: string;
  detail?: string;
  hint?: string;
  position?: string;
}

function postgresFailure(error: unknown, operation: string, target: string, timeoutMs: number): NodeFailure {
  const cause = error as PgError;
  const code = cause?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    const details = { sqlstate: code, detail: cause.detail, hint: cause.hint, position: cause.position };
    if (code.startsWith('28')) {
      return new NodeFailure(
        `Postgres at ${target} refused the login: ${cause.message} (SQLSTATE ${code}): check the credential's user and password`,
        { type: 'PostgresLoginFailed', nonRetryable: true, details },
      );
    }
    if (code === '57014') {
      return new NodeFailure(
        `Postgres ${operation} was cancelled after statementTimeoutMs (${timeoutMs} ms): ${cause.message} (SQLSTATE ${code})`,
        { type: 'PostgresTimeout', details },
      );
    }
    const extra = [cause.detail, cause.hint].filter(Boolean).join(' ');
    return new NodeFailure(
      `Postgres ${operation} failed: ${cause.message} (SQLSTATE ${code})${extra ? `. ${extra}` : ''}`,
      {
        type: 'PostgresError',
        nonRetryable: !RETRYABLE_CLASSES.has(code.slice(0, 2)),
        details,
      },
    );
  }
  const message = cause instanceof Error ? cause.message : String(error);
  return new NodeFailure(`Postgres at ${target} could not be reached: ${message}`, {
    type: 'PostgresConnectionFailed',
  });
}

/**
 * Runs one parameterised statement on a fresh connection made with the node's Postgres
 * credential, to the address the outbound guard resolved, and always closes it.
 */
export async function runPostgresStatement(
  context: Pick<
    ActivityContext<{ credentialId: string; statementTimeoutMs: number }>,
    'config' | 'run' | 'signal' | 'resolveHost' | 'addSecret' | 'log'
  >,
  operation: string,
  buildStatement: () => Statement,
): Promise<PostgresOutput> {
  const { config, run, signal, resolveHost, addSecret, log } = context;
  let statement: Statement;
  try {
    statement = buildStatement();
  } catch (error) {
    if (error instanceof StatementProblem)
      throw new NodeFailure(error.message, { type: 'InvalidConfig', nonRetryable: true });
    throw error;
  }
  const credential = await readNodeCredential(run, config.credentialId, 'postgres', addSecret);
  const target = `${credential.host}:${credential.port}`;
  let address: string;
  try {
    address = await resolveHost(credential.host);
  } catch (error) {
    const blocked = findOutboundBlocked(error);
    if (blocked)
      throw new NodeFailure(`Postgres at ${target}: ${blocked.message}`, {
        type: 'OutboundBlocked',
        nonRetryable: true,
      });
    throw postgresFailure(error, operation, target, config.statementTimeoutMs);
  }
  const client = new pg.Client({
    ...postgresConnection(credential, address),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: config.statementTimeoutMs,
    application_name: 'floworchestrator',
    types,
  });
  // A cancelled activity closes the connection, which ends the statement on the server too.
  const close = () => void client.end().catch(() => undefined);
  signal.addEventListener('abort', close, { once: true });
  const started = performance.now();
  try {
    await client.connect();
    // The extended protocol, even without values: one statement, never several.
    const query: pg.QueryConfig & { queryMode: 'extended' } = { ...statement, queryMode: 'extended' };
    const result = await client.query(query);
    const durationMs = Math.round(performance.now() - started);
    log({
      level: 'INFO',
      message: `Postgres ${operation} on ${target}/${credential.database}: ${result.command} ${result.rowCount ?? 0} in ${durationMs} ms`,
      data: { operation, command: result.command, rowCount: result.rowCount, durationMs },
    });
    return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length };
  } catch (error) {
    throw postgresFailure(error, operation, target, config.statementTimeoutMs);
  } finally {
    signal.removeEventListener('abort', close);
    await client.end().catch(() => undefined);
  }
}
