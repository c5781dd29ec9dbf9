import { Prisma } from '../db/generated/client';

/**
 * A `node_steps` CTE: the org's step attempts with the type of their node, which lives in the
 * definition of the version the run executed (a step stores only the node's id).
 */
export const nodeStepsCte = (orgId: string, where: Prisma.Sql) => Prisma.sql`
  node_steps AS (
    SELECT s.*, n.node ->> 'type' AS node_type, r.workflow_id
    FROM run_steps s
    JOIN runs r ON r.id = s.run_id
    JOIN workflow_versions v ON v.id = r.version_id
    CROSS JOIN LATERAL jsonb_array_elements(v.definition -> 'nodes') AS n(node)
    WHERE s.org_id = ${orgId}::uuid AND n.node ->> 'id' = s.node_id AND ${where}
  )`;
