import type { NodeLogEntry } from '../../lib/connectors/define-node';
import { orgStatement } from '../../lib/db/tenant';
import { publishProgress } from '../../lib/events/run-events';
import { processMetrics } from '../../lib/metrics/registry';
import { insertLogLines, storedLogLines } from './run-logs';
import type { ProgressReport, RunPatch, RunStatus, StepRecord, StepStatus } from '../../lib/runs/run-contract';

// One statement per report, sent with the org scope in a single round trip (orgStatement): the
// run update and step upserts travel together, since this runs on the interpreter's critical
// path. A field a record leaves out keeps its stored value, so a retried or repeated report is
// harmless.
//
// Every report also numbers its changes for the live stream (lib/events/): the run row's
// counter moves on by one per log line, step and status, and each row keeps its number. The
// counter's row lock is held to commit, so one run's reports take their numbers in commit order
// and a reader that has seen number n has seen every change numbered up to n.
const STEP_COLUMNS = `node_id text, iteration int, attempt int, status text, input jsonb, output jsonb,
  handles text[], error jsonb, started_at timestamptz, ended_at timestamptz`;

// $4 is the run patch or null; $5 how many numbers the report takes (lines, steps, status).
const updateRun = `
  UPDATE runs SET
    last_event_seq = runs.last_event_seq + $5,
    status_event_seq = CASE WHEN r.status IS NOT NULL THEN runs.last_event_seq + $5 ELSE runs.status_event_seq END,
    status = COALESCE(r.status::"RunStatus", runs.status),
    output = CASE WHEN r.has_output THEN r.output ELSE runs.output END,
    error = COALESCE(r.error, runs.error),
    started_at = COALESCE(runs.started_at, r.started_at),
    -- Workflow time stands still within a workflow task, so a run's end is stamped with the
    -- clock when its final record is written, which follows the end by moments.
    ended_at = CASE WHEN r.ended_at IS NOT NULL THEN clock_timestamp() ELSE runs.ended_at END,
    duration_ms = CASE WHEN r.ended_at IS NOT NULL
      THEN (EXTRACT(EPOCH FROM (clock_timestamp() - COALESCE(runs.started_at, r.started_at))) * 1000)::int
      ELSE runs.duration_ms END
  FROM jsonb_to_record(COALESCE($4::jsonb, '{}'::jsonb)) AS r(status text, has_output boolean, output jsonb,
    error jsonb, started_at timestamptz, ended_at timestamptz)
  WHERE runs.id = $2
  RETURNING runs.last_event_seq - $5 AS first_seq, runs.workflow_id`;

// The log lines of an attempt the report ends come first, so a live view that sees the end has
// them: $6 is how many, $7 the node, $8 the attempt, $9 when they were stored, $10 the lines.
const insertLogs = insertLogLines({ node: '$7', attempt: '$8', storedAt: '$9', lines: '$10' });

// Steps are numbered in report order, after the counter's old value and the log lines; a run
// that does not exist leaves the number null, which the column refuses.
const upsertSteps = `
  INSERT INTO run_steps (id, org_id, run_id, node_id, iteration, attempt, status, input, output, handles, error,
    started_at, ended_at, event_seq)
  SELECT gen_random_uuid(), $1::uuid, $2, s.node_id, s.iteration, s.attempt, s.status::"StepStatus", s.input, s.output,
         COALESCE(s.handles, ARRAY[]::text[]), s.error, s.started_at, s.ended_at,
         (SELECT first_seq FROM counted) + $6 + e.position
  FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS e(step, position),
    jsonb_to_record(e.step) AS s(${STEP_COLUMNS})
  ON CONFLICT (run_id, node_id, iteration, attempt) DO UPDATE SET
    status = EXCLUDED.status,
    input = COALESCE(EXCLUDED.input, run_steps.input),
    output = COALESCE(EXCLUDED.output, run_steps.output),
    handles = CASE WHEN EXCLUDED.handles = ARRAY[]::text[] THEN run_steps.handles ELSE EXCLUDED.handles END,
    error = COALESCE(EXCLUDED.error, run_steps.error),
    started_at = COALESCE(run_steps.started_at, EXCLUDED.started_at),
    ended_at = COALESCE(EXCLUDED.ended_at, run_steps.ended_at),
    event_seq = EXCLUDED.event_seq`;

// The records of RUNNING steps the report is about to overwrite, as they were: a local activity
// run again after a crash starts over at attempt 1, which its interrupted run already recorded.
const overwrittenSteps = `
  SELECT rs.node_id AS "nodeId", rs.iteration, rs.attempt, rs.status
  FROM run_steps rs
  JOIN jsonb_to_recordset($3::jsonb) AS s(node_id text, iteration int, attempt int, status text)
    ON rs.node_id = s.node_id AND rs.iteration = s.iteration AND rs.attempt = s.attempt
  WHERE rs.run_id = $2 AND s.status = 'RUNNING'`;

/** The failure an attempt is recorded with when its worker stopped before the attempt ended. */
export const WORKER_LOST_ERROR = {
  type: 'WorkerLost',
  message: 'The worker running this attempt stopped (it crashed or was killed) before the attempt finished',
};

/** A step record a report replaced, as it was before. */
export interface OverwrittenStep {
  nodeId: string;
  iteration: number;
  attempt: number;
  status: StepStatus;
}

const stepRow = (step: StepRecord) => ({
  node_id: step.nodeId,
  iteration: step.iteration,
  attempt: step.attempt,
  status: step.status,
  input: step.input,
  output: step.output,
  handles: step.handles,
  error: step.error,
  started_at: step.startedAt,
  ended_at: step.endedAt,
});

const runRow = (run: RunPatch) => ({
  status: run.status,
  has_output: run.output !== undefined,
  output: run.output ?? null,
  error: run.error,
  started_at: run.startedAt,
  ended_at: run.endedAt,
});

/** The log lines an attempt wrote and had not stored yet, stored with the report that ends it. */
export interface AttemptLogLines {
  nodeId: string;
  attempt: number;
  entries: NodeLogEntry[];
}

const ENDED: ReadonlySet<RunStatus> = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/**
 * Writes what the interpreter reports (step records, run status), with the log lines of the
 * attempt it ends if given, and publishes it for live views. Answers the RUNNING records it
 * replaced, as they were.
 */
export async function writeProgress(report: ProgressReport, logs?: AttemptLogLines): Promise<OverwrittenStep[]> {
  const { runId, orgId, run, steps } = report;
  const lines = logs?.entries ?? [];
  const logged = lines.length > 0 ? `, logged AS (${insertLogs})` : '';
  const [written] = await orgStatement<{ workflow_id: string; overwritten: OverwrittenStep[] }>(
    orgId,
    `WITH counted AS (${updateRun})${logged}, stepped AS (${upsertSteps}), overwritten AS (${overwrittenSteps})
     SELECT workflow_id, (SELECT COALESCE(json_agg(overwritten), '[]'::json) FROM overwritten) AS overwritten
     FROM counted`,
    [
      orgId,
      runId,
      JSON.stringify(steps.map(stepRow)),
      run ? JSON.stringify(runRow(run)) : null,
      lines.length + steps.length + (run ? 1 : 0),
      lines.length,
      ...(lines.length > 0 ? [logs!.nodeId, logs!.attempt, new Date().toISOString(), storedLogLines(lines)] : []),
    ],
  );
  if (run && ENDED.has(run.status) && written) {
    processMetrics().runsFinished.inc({ workflow_id: written.workflow_id, status: run.status });
  }
  await publishProgress(report);
  return written?.overwritten ?? [];
}
