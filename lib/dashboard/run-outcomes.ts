import type { Prisma } from '../db/generated/client';
import type { TimeWindow } from './range';

export interface RunOutcomes {
  succeeded: number;
  failed: number;
  cancelled: number;
  /** succeeded / (succeeded + failed); null when no run succeeded or failed. */
  successRate: number | null;
}

/**
 * How the runs that ended in `window` ended. A cancelled run is someone's decision, not the
 * platform failing, so it counts toward neither success nor failure.
 */
export async function runOutcomes(
  tx: Prisma.TransactionClient,
  orgId: string,
  window: TimeWindow,
): Promise<RunOutcomes> {
  const [row] = await tx.$queryRaw<{ succeeded: number; failed: number; cancelled: number }[]>`
    SELECT
      (count(*) FILTER (WHERE status = 'SUCCEEDED'))::int AS succeeded,
      (count(*) FILTER (WHERE status = 'FAILED'))::int AS failed,
      (count(*) FILTER (WHERE status = 'CANCELLED'))::int AS cancelled
    FROM runs
    WHERE org_id = ${orgId}::uuid AND ended_at >= ${window.since} AND ended_at <= ${window.until}`;
  const decided = row.succeeded + row.failed;
  return { ...row, successRate: decided === 0 ? null : row.succeeded / decided };
}
