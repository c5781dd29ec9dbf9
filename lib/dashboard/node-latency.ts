import { Prisma } from '../db/generated/client';
import { nodeStepsCte } from './node-steps';
import { toPercentiles, type Percentiles } from './percentiles';
import type { TimeWindow } from './range';

export interface NodeTypeLatency extends Percentiles {
  nodeType: string;
  attempts: number;
}

/**
 * Percentiles of how long each node type's attempts took (ended_at - started_at) among the
 * attempts that ended in `window`, slowest P95 first.
 */
export async function nodeTypeLatency(
  tx: Prisma.TransactionClient,
  orgId: string,
  window: TimeWindow,
): Promise<NodeTypeLatency[]> {
  const ended = Prisma.sql`s.started_at IS NOT NULL AND s.ended_at >= ${window.since} AND s.ended_at <= ${window.until}`;
  const rows = await tx.$queryRaw<{ nodeType: string; attempts: number; percentiles: number[] }[]>`
    WITH ${nodeStepsCte(orgId, ended)}
    SELECT node_type AS "nodeType", count(*)::int AS attempts,
      percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (
        ORDER BY extract(epoch FROM ended_at - started_at) * 1000
      ) AS percentiles
    FROM node_steps
    GROUP BY node_type`;
  return rows
    .map(({ nodeType, attempts, percentiles }) => ({ nodeType, attempts, ...toPercentiles(percentiles) }))
    .sort((a, b) => b.p95 - a.p95 || a.nodeType.localeCompare(b.nodeType));
}
