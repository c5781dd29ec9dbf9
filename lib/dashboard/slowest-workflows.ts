import type { Prisma } from '../db/generated/client';
import { toPercentiles, type Percentiles } from './percentiles';
import type { TimeWindow } from './range';

export interface SlowWorkflow extends Percentiles {
  workflowId: string;
  name: string;
  runs: number;
}

/** The `limit` workflows whose runs that ended in `window` took longest at P95. */
export async function slowestWorkflows(
  tx: Prisma.TransactionClient,
  orgId: string,
  window: TimeWindow,
  limit = 5,
): Promise<SlowWorkflow[]> {
  const rows = await tx.$queryRaw<{ workflowId: string; name: string; runs: number; percentiles: number[] }[]>`
    SELECT w.id AS "workflowId", w.name, count(*)::int AS runs,
      percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY r.duration_ms) AS percentiles
    FROM runs r
    JOIN workflows w ON w.id = r.workflow_id
    WHERE r.org_id = ${orgId}::uuid AND r.duration_ms IS NOT NULL
      AND r.ended_at >= ${window.since} AND r.ended_at <= ${window.until}
    GROUP BY w.id, w.name
    ORDER BY (percentile_cont(0.95) WITHIN GROUP (ORDER BY r.duration_ms)) DESC, w.name
    LIMIT ${limit}`;
  return rows.map(({ percentiles, ...workflow }) => ({ ...workflow, ...toPercentiles(percentiles) }));
}
