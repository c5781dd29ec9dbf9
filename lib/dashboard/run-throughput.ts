import type { Prisma } from '../db/generated/client';
import type { TimeWindow } from './range';

export interface ThroughputBucket {
  /** The bucket's start, ISO 8601. */
  at: string;
  started: number;
  completed: number;
  succeeded: number;
  failed: number;
}

/**
 * Runs started (created) and completed (ended in SUCCEEDED, FAILED or CANCELLED) per bucket of
 * `bucket` width, every bucket present: the series comes from Postgres, zeros included.
 */
export async function runThroughput(
  tx: Prisma.TransactionClient,
  orgId: string,
  window: TimeWindow,
  bucket: string,
): Promise<ThroughputBucket[]> {
  const rows = await tx.$queryRaw<
    { at: Date; started: number; completed: number; succeeded: number; failed: number }[]
  >`
    WITH buckets AS (
      SELECT generate_series(
        date_bin(${bucket}::interval, ${window.since}::timestamptz, 'epoch'::timestamptz),
        ${window.until}::timestamptz,
        ${bucket}::interval
      ) AS at
    ),
    started AS (
      SELECT date_bin(${bucket}::interval, created_at, 'epoch'::timestamptz) AS at, count(*)::int AS n
      FROM runs
      WHERE org_id = ${orgId}::uuid AND created_at >= ${window.since} AND created_at <= ${window.until}
      GROUP BY 1
    ),
    completed AS (
      SELECT date_bin(${bucket}::interval, ended_at, 'epoch'::timestamptz) AS at,
        count(*)::int AS n,
        (count(*) FILTER (WHERE status = 'SUCCEEDED'))::int AS succeeded,
        (count(*) FILTER (WHERE status = 'FAILED'))::int AS failed
      FROM runs
      WHERE org_id = ${orgId}::uuid AND status IN ('SUCCEEDED', 'FAILED', 'CANCELLED')
        AND ended_at >= ${window.since} AND ended_at <= ${window.until}
      GROUP BY 1
    )
    SELECT b.at, coalesce(s.n, 0) AS started, coalesce(c.n, 0) AS completed,
      coalesce(c.succeeded, 0) AS succeeded, coalesce(c.failed, 0) AS failed
    FROM buckets b
    LEFT JOIN started s ON s.at = b.at
    LEFT JOIN completed c ON c.at = b.at
    ORDER BY b.at`;
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}
