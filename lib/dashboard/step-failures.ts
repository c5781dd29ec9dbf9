import { Prisma } from '../db/generated/client';
import { nodeStepsCte } from './node-steps';
import type { TimeWindow } from './range';

export interface FailureCount {
  key: string;
  failures: number;
}

export interface StepFailures {
  byNodeType: FailureCount[];
  /** By the recorded error's type (`HttpError`, `Timeout`, …). */
  byErrorType: FailureCount[];
}

/** Failed node attempts that ended in `window` (each retry counts), grouped two ways, most first. */
export async function stepFailures(
  tx: Prisma.TransactionClient,
  orgId: string,
  window: TimeWindow,
): Promise<StepFailures> {
  const failed = Prisma.sql`s.status = 'FAILED' AND s.ended_at >= ${window.since} AND s.ended_at <= ${window.until}`;
  const rows = await tx.$queryRaw<{ byNodeType: FailureCount[] | null; byErrorType: FailureCount[] | null }[]>`
    WITH ${nodeStepsCte(orgId, failed)},
    by_node_type AS (
      SELECT node_type AS key, count(*)::int AS failures FROM node_steps GROUP BY 1
    ),
    by_error_type AS (
      SELECT coalesce(error ->> 'type', 'Unknown') AS key, count(*)::int AS failures FROM node_steps GROUP BY 1
    )
    SELECT
      (SELECT json_agg(t ORDER BY t.failures DESC, t.key) FROM by_node_type t) AS "byNodeType",
      (SELECT json_agg(t ORDER BY t.failures DESC, t.key) FROM by_error_type t) AS "byErrorType"`;
  return { byNodeType: rows[0].byNodeType ?? [], byErrorType: rows[0].byErrorType ?? [] };
}
