import { orgStatement } from '../../lib/db/tenant';
import type { NodeLogEntry } from '../../lib/connectors/define-node';
import { redis } from '../../lib/redis/client';
import { runEventsChannel } from '../../lib/events/run-events';

/** Log lines as the log inserts (here and in write_run_progress) read them. */
export const storedLogLines = (entries: NodeLogEntry[]) =>
  JSON.stringify(entries.map(({ level, message, data }) => ({ level, message, data: data ?? null })));

// Like the step records (record-progress.ts), each line takes the next change number of its run
// in the statement that stores it, under the run row's lock, so the live stream sends lines and
// steps in one order and resumes after any of them. $5 is how many numbers the lines take.
const insertLogs = `
  WITH counted AS (
    UPDATE runs SET last_event_seq = last_event_seq + $5::int WHERE id = $2
    RETURNING last_event_seq - $5::int AS first_seq
  )
  INSERT INTO run_logs (org_id, run_id, node_id, attempt, level, message, data, ts, event_seq)
  SELECT $1::uuid, $2, $3::text, $4::int, l.level::"LogLevel", l.message, l.data, $6::timestamptz,
         (SELECT first_seq FROM counted) + e.position
  FROM jsonb_array_elements($7::jsonb) WITH ORDINALITY AS e(line, position),
    jsonb_to_record(e.line) AS l(level text, message text, data jsonb)`;

/** Stores one node attempt's log lines in the run log and tells the run's live views. */
export async function writeRunLogs(
  where: { orgId: string; runId: string; nodeId: string; attempt: number },
  entries: NodeLogEntry[],
) {
  if (entries.length === 0) return;
  await orgStatement(where.orgId, insertLogs, [
    where.orgId,
    where.runId,
    where.nodeId,
    where.attempt,
    entries.length,
    new Date().toISOString(),
    storedLogLines(entries),
  ]);
  await redis().publish(runEventsChannel(where.runId), JSON.stringify({ runId: where.runId, logs: entries.length }));
}
