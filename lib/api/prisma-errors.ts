import { Prisma } from '../db/generated/client';
import { ApiError } from './api-error';

// Database errors a request can cause, mapped once, here, to the API's codes; anything else
// stays a 500 for the log.

const UNIQUE_VIOLATION = 'P2002';
const RECORD_NOT_FOUND = 'P2025';
// The pool had no free connection, or a transaction could not start, in time: the server is
// overloaded, and the same request a moment later may well succeed. With @prisma/adapter-pg an
// exhausted pool shows as P2028 once an interactive transaction's maxWait passes
// (tests/integration/pool-exhaustion.test.ts); plain queries wait for a connection.
const OVERLOADED = new Set(['P2024', 'P2028']);

/**
 * The columns of a violated unique constraint, however the driver reports them: as columns, or
 * (the pg adapter, when Postgres names the constraint) as the index Prisma named
 * `<table>_<columns>_key`, read back here. The org column is the tenant, not a caller's choice.
 */
function uniqueFields(meta: Record<string, unknown> | undefined): string[] {
  const target = meta?.target;
  const adapter = meta?.driverAdapterError as
    { cause?: { constraint?: { fields?: unknown; index?: unknown }; table?: unknown } } | undefined;
  const constraint = adapter?.cause?.constraint;
  let fields: string[] = [];
  if (Array.isArray(target)) fields = target.map(String);
  else if (Array.isArray(constraint?.fields)) fields = constraint.fields.map(String);
  else if (typeof constraint?.index === 'string') {
    const table = String(meta?.table ?? adapter?.cause?.table ?? '');
    const columns = constraint.index.replace(new RegExp(`^${table}_`), '').replace(/_key$/, '');
    fields = [columns.replace(/^org_id_/, '')];
  }
  return fields.filter((field) => !/^org_?id$/i.test(field));
}

export function fromPrismaError(error: unknown): ApiError | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  if (error.code === UNIQUE_VIOLATION) {
    const fields = uniqueFields(error.meta);
    const what = fields.length ? ` with this ${fields.join(' and ')}` : '';
    return new ApiError(409, 'conflict', `One${what} already exists`, fields.length ? { fields } : undefined);
  }
  if (error.code === RECORD_NOT_FOUND) return new ApiError(404, 'not_found', 'The record was not found');
  if (OVERLOADED.has(error.code)) {
    return new ApiError(503, 'overloaded', 'The server is busy: try again in a moment', undefined, {
      'Retry-After': '1',
    });
  }
  return undefined;
}
