import type { OrgContext } from '../auth/current-org';
import { orgStatement } from '../db/tenant';
import { uuidV7 } from '../db/ids';
import type { RunTrigger } from '../db/generated/enums';
import { activeTrace } from '../telemetry/active-trace';

/**
 * What the version lookup found. The run and its audit row were written unless there is no such
 * version or it is `limited`.
 */
export interface PublishedRunRecord {
  workflowName: string;
  versionId: string | null;
  version: number | null;
  definition: unknown;
  /** The version sets a concurrency limit: nothing was written, the caller takes the locking path. */
  limited: boolean;
}

export interface PublishedRunRequest {
  runId: string;
  workflowId: string;
  /** The version asked for; the latest published one when undefined. */
  version: number | undefined;
  trigger: RunTrigger;
  input: unknown;
  rerunOfId?: string;
  requestedAt: Date;
}

// The version lookup, the run row and its audit row in one statement: the inserts read the
// lookup's row, so a workflow with no such version, or a version with a concurrency limit (whose
// starts must wait on a lock, start-run.ts), writes nothing, and the run never exists without its
// audit row. The audit data is built here because the version is known only here.
const RECORD_PUBLISHED_RUN = `
WITH target AS (
  SELECT w.name AS workflow_name, v.id AS version_id, v.version, v.definition,
    coalesce((v.definition #>> '{settings,concurrencyLimit}')::numeric, 0) > 0 AS limited
  FROM workflows w
  LEFT JOIN LATERAL (
    SELECT id, version, definition FROM workflow_versions
    WHERE workflow_id = w.id AND org_id = w.org_id AND ($3::int IS NULL OR version = $3::int)
    ORDER BY version DESC
    LIMIT 1
  ) v ON true
  WHERE w.id = $2::uuid AND w.org_id = $1::uuid AND w.deleted_at IS NULL
),
run AS (
  INSERT INTO runs (id, org_id, workflow_id, version_id, trigger, input, started_by_type, started_by_id,
    rerun_of_id, created_at, trace_id)
  SELECT $4, $1::uuid, $2::uuid, version_id, $5::"RunTrigger", $6::jsonb, $7::"ActorType", $8,
    $9, $10::timestamptz, $11
  FROM target WHERE version_id IS NOT NULL AND NOT limited
  RETURNING id
),
audit AS (
  INSERT INTO audit_events (id, org_id, actor_type, actor_id, actor_label, action, target_type, target_id,
    ip, user_agent, data)
  SELECT $12::uuid, $1::uuid, $7::"ActorType", $8, $13, $14, 'run', $4, $15, $16,
    jsonb_build_object('workflowId', $2::text, 'version', target.version) || $17::jsonb
  FROM run, target
)
SELECT workflow_name AS "workflowName", version_id AS "versionId", version, definition, limited
FROM target`;

/**
 * Records a run of a published version in one round trip, where the interactive transaction
 * start-run.ts uses for drafts and limited workflows takes about six. Answers null when the
 * workflow does not exist (or is deleted) in the org.
 */
export async function recordPublishedRun(
  org: OrgContext,
  request: PublishedRunRequest,
): Promise<PublishedRunRecord | null> {
  const extraAuditData = request.rerunOfId ? { rerunOf: request.rerunOfId } : {};
  const [found] = await orgStatement<PublishedRunRecord>(org.orgId, RECORD_PUBLISHED_RUN, [
    org.orgId,
    request.workflowId,
    request.version ?? null,
    request.runId,
    request.trigger,
    request.input === null || request.input === undefined ? null : JSON.stringify(request.input),
    org.actor.type,
    org.actor.id,
    request.rerunOfId ?? null,
    request.requestedAt.toISOString(),
    // The request's trace, which the Temporal client carries on into the run.
    activeTrace()?.traceId ?? null,
    uuidV7(request.requestedAt.getTime()),
    org.actor.label,
    request.trigger === 'RERUN' ? 'run.rerun' : 'run.start',
    org.origin?.ip ?? null,
    org.origin?.userAgent ?? null,
    JSON.stringify(extraAuditData),
  ]);
  return found ?? null;
}
