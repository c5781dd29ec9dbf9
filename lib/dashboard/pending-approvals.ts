import { Prisma } from '../db/generated/client';
import { nodeStepsCte } from './node-steps';

export interface PendingApproval {
  runId: string;
  nodeId: string;
  workflowId: string;
  workflowName: string;
  /** How long it has waited at `now`, in milliseconds. */
  ageMs: number;
}

/** Approvals waiting for a decision now, oldest first: not bound to the dashboard's range. */
export async function pendingApprovals(
  tx: Prisma.TransactionClient,
  orgId: string,
  now: Date,
  limit = 20,
): Promise<{ count: number; oldest: PendingApproval[] }> {
  const waiting = Prisma.sql`s.status = 'WAITING' AND r.status = 'WAITING'`;
  const rows = await tx.$queryRaw<(PendingApproval & { total: number })[]>`
    WITH ${nodeStepsCte(orgId, waiting)}
    SELECT s.run_id AS "runId", s.node_id AS "nodeId", w.id AS "workflowId", w.name AS "workflowName",
      (extract(epoch FROM ${now}::timestamptz - coalesce(s.started_at, now())) * 1000)::float8 AS "ageMs",
      (count(*) OVER ())::int AS total
    FROM node_steps s
    JOIN workflows w ON w.id = s.workflow_id
    WHERE s.node_type = 'human.approval'
    ORDER BY s.started_at NULLS LAST
    LIMIT ${limit}`;
  return { count: rows[0]?.total ?? 0, oldest: rows.map(({ total: _total, ...approval }) => approval) };
}
