import type { NodeLogEntry } from '../../lib/connectors/define-node';
import { dbPool } from '../../lib/db/client';
import { publishProgress } from '../../lib/events/run-events';
import { processMetrics } from '../../lib/metrics/registry';
import type { ProgressReport, RunPatch, RunStatus, StepRecord, StepStatus } from '../../lib/runs/run-contract';

// One call per report of write_run_progress (prisma/migrations/20261202120000_run_start_after_queued),
// which sets the org scope, updates the run and upserts the steps in one round trip, since this
// runs on the interpreter's critical path. As a named prepared statement, each connection parses
// it once and PostgreSQL keeps the plans of the function's statement. A field a record leaves out
// keeps its stored value, so a retried or repeated report is harmless.
//
// Every report also numbers its changes for the live stream (lib/events/): the run row's
// counter moves on by one per log line, step and status, and each row keeps its number. The
// counter's row lock is held to commit, so one run's reports take their numbers in commit order
// and a reader that has seen number n has seen every change numbered up to n.
const WRITE_RUN_PROGRESS = {
  name: 'write_run_progress',
  text: `SELECT run_workflow_id AS workflow_id, replaced_steps AS overwritten, run_status AS status
    FROM write_run_progress($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
};

/** Log lines as write_run_progress reads them. */
const storedLogLines = (entries: NodeLogEntry[]) =>
  JSON.stringify(entries.map(({ level, message, data }) => ({ level, message, data: data ?? null })));

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
 * Writes what the interpreter reports (step records, run status) with an attempt's log lines if
 * given (numbered before the steps, so a view that sees the attempt's end has them; a report of
 * no steps stores lines written while the attempt runs), and publishes it for live views.
 * Answers the RUNNING records it replaced, as they were.
 */
export async function writeProgress(report: ProgressReport, logs?: AttemptLogLines): Promise<OverwrittenStep[]> {
  const { runId, orgId, run, steps } = report;
  const lines = logs?.entries ?? [];
  const { rows } = await dbPool().query<{ workflow_id: string; overwritten: OverwrittenStep[]; status: RunStatus }>({
    ...WRITE_RUN_PROGRESS,
    values: [
      orgId,
      runId,
      JSON.stringify(steps.map(stepRow)),
      run ? JSON.stringify(runRow(run)) : null,
      lines.length + steps.length + (run ? 1 : 0),
      lines.length,
      logs?.nodeId ?? null,
      logs?.attempt ?? null,
      new Date().toISOString(),
      lines.length > 0 ? storedLogLines(lines) : null,
    ],
  });
  const [written] = rows;
  if (run && ENDED.has(run.status) && written?.status === run.status) {
    processMetrics().runsFinished.inc({ workflow_id: written.workflow_id, status: run.status });
  }
  // A run's start that a later status overtook changed nothing a run list or a waiter reads:
  // its steps are announced, its status is not.
  await publishProgress(run && written && written.status !== run.status ? { ...report, run: undefined } : report);
  return written?.overwritten ?? [];
}
