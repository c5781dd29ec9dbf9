import { db } from '../db/client';
import type { RunTrigger } from '../db/generated/enums';
import { withOrgTransaction } from '../db/tenant';
import { workflowDefinitionSchema } from '../definition/schema';
import { createLogger } from '../logging/logger';
import { recordStartFailed, startRefusedForGood, startRunWorkflow } from './start-run-workflow';
import { ENGINE_REVISION } from './run-contract';

const log = createLogger({ component: 'start-stranded-runs' });

/**
 * How long a recorded run may wait for the process that queued its start before the job starts
 * it: longer than that process asks Temporal again (about a minute), so the job does not race
 * queues that are alive. A race would start nothing twice all the same.
 */
export const STRANDED_AFTER_MS = 90_000;

// Runs started per org per turn: a backlog drains over a few turns.
const BATCH = 200;

interface StrandedRun {
  id: string;
  workflowId: string;
  trigger: RunTrigger;
  input: unknown;
  createdAt: Date;
  version: number;
  definition: unknown;
}

export interface StrandedRunsResult {
  started: number;
  /** Runs Temporal already had: their first report is only late. */
  alreadyStarted: number;
  failed: number;
}

/**
 * Starts every run recorded and queued for a start that never came (the web server stopped
 * before making it, or Temporal was away longer than its queue asks): the start-stranded-runs
 * job. Only starts whose whole input is in the run's row are made here, those from the API, the
 * editor and webhooks; reruns carry reused outputs and wait for their start, and scheduled,
 * event and sub-workflow runs are started by the workflows that recorded them.
 */
export async function startStrandedRuns(olderThanMs = STRANDED_AFTER_MS): Promise<StrandedRunsResult> {
  const before = new Date(Date.now() - olderThanMs);
  const orgs = await db().$queryRaw<{ id: string }[]>`SELECT org_id AS id FROM orgs_with_active_runs()`;
  const result: StrandedRunsResult = { started: 0, alreadyStarted: 0, failed: 0 };
  for (const org of orgs) {
    const runs = await withOrgTransaction(
      org.id,
      (tx) => tx.$queryRaw<StrandedRun[]>`
        SELECT r.id, r.workflow_id AS "workflowId", r.trigger, r.input, r.created_at AS "createdAt",
          coalesce(v.version, 0) AS version, coalesce(v.definition, r.draft_definition) AS definition
        FROM runs r
        LEFT JOIN workflow_versions v ON v.id = r.version_id
        WHERE r.org_id = ${org.id}::uuid AND r.status = 'QUEUED' AND r.created_at <= ${before}
          AND r.trigger IN ('API', 'MANUAL', 'WEBHOOK')
          AND r.rerun_of_id IS NULL AND r.parent_run_id IS NULL
        ORDER BY r.created_at
        LIMIT ${BATCH}`,
    );
    for (const run of runs) {
      const outcome = await startStrandedRun(org.id, run);
      result[outcome]++;
    }
  }
  return result;
}

async function startStrandedRun(orgId: string, run: StrandedRun): Promise<keyof StrandedRunsResult> {
  try {
    const definition = workflowDefinitionSchema.parse(run.definition);
    const started = await startRunWorkflow(
      {
        runId: run.id,
        orgId,
        workflowId: run.workflowId,
        version: run.version,
        definition,
        input: run.input,
        requestedAt: run.createdAt.toISOString(),
        engineRevision: ENGINE_REVISION,
      },
      { trigger: run.trigger, timeoutMs: definition.settings.timeoutMs },
    );
    if (started) log.info('stranded run started', { orgId, runId: run.id });
    return started ? 'started' : 'alreadyStarted';
  } catch (error) {
    if (startRefusedForGood(error)) {
      await recordStartFailed(orgId, run.id, error);
    } else {
      log.warn('stranded run still not started', { orgId, runId: run.id, error });
    }
    return 'failed';
  }
}
