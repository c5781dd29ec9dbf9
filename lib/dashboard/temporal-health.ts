import type { OrgContext } from '../auth/current-org';
import { configuredTaskQueues } from '../config/task-queues';
import { withOrgTransaction } from '../db/tenant';
import { describeTaskQueues, type TaskQueueHealth } from '../health/task-queues';

/** Task queues the org's workflows route nodes to (node settings `taskQueue`), in any version. */
async function routedTaskQueues(orgId: string): Promise<string[]> {
  const rows = await withOrgTransaction(
    orgId,
    (tx) =>
      tx.$queryRaw<{ queue: string }[]>`
      SELECT DISTINCT n.node -> 'settings' ->> 'taskQueue' AS queue
      FROM workflow_versions v
      JOIN workflows w ON w.id = v.workflow_id AND w.deleted_at IS NULL
      CROSS JOIN LATERAL jsonb_array_elements(v.definition -> 'nodes') AS n(node)
      WHERE v.org_id = ${orgId}::uuid AND n.node -> 'settings' ->> 'taskQueue' IS NOT NULL
      ORDER BY queue`,
  );
  return rows.map((row) => row.queue);
}

/**
 * Backlog and workers of every queue the org's runs use: the platform's own queues and those
 * its nodes are routed to. A routed queue no worker polls shows up with none, which is the point.
 */
export async function temporalHealth(org: OrgContext): Promise<TaskQueueHealth[]> {
  const queues = [...new Set([...configuredTaskQueues(), ...(await routedTaskQueues(org.orgId))])];
  return describeTaskQueues(queues);
}
