import { withOrgTransaction } from '../db/tenant';

// Sub-workflows and error workflows of an event-started run emit as part of it: the chain of
// parents is followed this far to find the event that started it all.
const MAX_PARENT_HOPS = 32;

/**
 * How deep the event that started a run (or the nearest run it descends from) is; -1 when no
 * event started it. An event the run emits is one deeper.
 */
export async function eventDepthOfRun(orgId: string, runId: string): Promise<number> {
  const [found] = await withOrgTransaction(
    orgId,
    (tx) => tx.$queryRaw<{ depth: number }[]>`
      WITH RECURSIVE chain AS (
        SELECT id, parent_run_id, trigger::text AS trigger, input, 0 AS hops
        FROM runs WHERE id = ${runId} AND org_id = ${orgId}::uuid
        UNION ALL
        SELECT r.id, r.parent_run_id, r.trigger::text, r.input, c.hops + 1
        FROM runs r JOIN chain c ON r.id = c.parent_run_id AND r.org_id = ${orgId}::uuid
        WHERE c.trigger <> 'EVENT' AND c.hops < ${MAX_PARENT_HOPS}
      )
      SELECT e.depth FROM chain c
      JOIN events e ON e.id::text = c.input->>'eventId' AND e.org_id = ${orgId}::uuid
      WHERE c.trigger = 'EVENT'
      LIMIT 1`,
  );
  return found ? Number(found.depth) : -1;
}
