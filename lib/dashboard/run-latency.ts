import type { Prisma } from '../db/generated/client';
import { toPercentiles, type Percentiles } from './percentiles';
import type { TimeWindow } from './range';

/** Run duration percentiles over the runs that ended in `window`; null when none did. */
export async function runLatency(
  tx: Prisma.TransactionClient,
  orgId: string,
  window: TimeWindow,
): Promise<(Percentiles & { runs: number }) | null> {
  const [row] = await tx.$queryRaw<{ runs: number; percentiles: number[] | null }[]>`
    SELECT count(*)::int AS runs,
      percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY duration_ms) AS percentiles
    FROM runs
    WHERE org_id = ${orgId}::uuid AND duration_ms IS NOT NULL
      AND ended_at >= ${window.since} AND ended_at <= ${window.until}`;
  return row.percentiles ? { runs: row.runs, ...toPercentiles(row.percentiles) } : null;
}
