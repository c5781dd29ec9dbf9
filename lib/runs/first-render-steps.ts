import { orgStatement } from '../db/tenant';
import { LATEST_STEP_FIRST_SQL } from './step-view';

export interface FirstRenderSteps {
  ids: string[];
  /** How many steps the run has in all. */
  total: number;
}

/**
 * The steps the run page's first render shows: each node's latest step and its highest attempt
 * (what the graph draws; latest and first as `STEP_ORDER` orders them: by start, then attempt)
 * and every step of the node the page opens on (its inspector). The page opens the live stream
 * at once, whose snapshot brings every step; picking them here keeps a 10,000-step run's page
 * from reading, rendering and sending them all twice.
 */
export async function firstRenderSteps(
  orgId: string,
  runId: string,
  openNodeId: string | null,
): Promise<FirstRenderSteps> {
  const rows = await orgStatement<{ id: string; total: number }>(
    orgId,
    `WITH steps AS (SELECT id, node_id, attempt, started_at FROM run_steps WHERE run_id = $1)
     SELECT kept.id, (SELECT count(*) FROM steps)::int AS total
     FROM (
       (SELECT DISTINCT ON (node_id) id FROM steps ORDER BY node_id, ${LATEST_STEP_FIRST_SQL})
       UNION
       (SELECT DISTINCT ON (node_id) id FROM steps ORDER BY node_id, attempt DESC, started_at ASC NULLS LAST)
       UNION
       (SELECT id FROM steps WHERE node_id = $2)
     ) kept`,
    [runId, openNodeId],
  );
  return { ids: rows.map((row) => row.id), total: rows[0]?.total ?? 0 };
}
