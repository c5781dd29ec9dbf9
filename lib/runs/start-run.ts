import { randomUUID } from 'node:crypto';
import type { OrgContext } from '../auth/current-org';
import { ApiError, notFound } from '../api/errors';
import { serverEnv } from '../config/server-env';
import { orgDb } from '../db/tenant';
import { isUuid } from '../db/ids';
import type { RunTrigger } from '../db/generated/enums';
import { workflowDefinitionSchema } from '../definition/schema';
import { temporalClient } from '../../temporal/client';
import { RUN_WORKFLOW_TYPE, type ReusedStep, type RunWorkflowInput } from './run-contract';
import type { StartRunBody } from './schemas';
import { recordAudit } from '../audit/record';
import { processMetrics } from '../metrics/registry';
import { activeTrace } from '../telemetry/active-trace';

/** The published version a run uses: the one named, or the latest. */
export async function findPublishedVersion(org: OrgContext, workflowId: string, version?: number) {
  if (!isUuid(workflowId)) throw notFound('Workflow');
  const workflow = await orgDb(org.orgId).workflow.findFirst({
    where: { id: workflowId, orgId: org.orgId, deletedAt: null },
  });
  if (!workflow) throw notFound('Workflow');
  const found = await orgDb(org.orgId).workflowVersion.findFirst({
    where: { workflowId, orgId: org.orgId, ...(version ? { version } : {}) },
    orderBy: { version: 'desc' },
  });
  if (!found) {
    throw version
      ? new ApiError(404, 'version_not_found', `Workflow "${workflow.name}" has no version ${version}`)
      : new ApiError(409, 'not_published', `Workflow "${workflow.name}" has no published version to run yet`);
  }
  return found;
}

export interface StartOptions {
  trigger: RunTrigger;
  reuse?: Record<string, ReusedStep>;
  rerunOfId?: string;
}

/** Records a run and starts it on Temporal with the run id as the workflow id. */
export async function startRun(
  org: OrgContext,
  workflowId: string,
  body: StartRunBody,
  options: StartOptions,
): Promise<{ runId: string; version: number }> {
  const version = await findPublishedVersion(org, workflowId, body.version);
  const definition = workflowDefinitionSchema.parse(version.definition);
  const limit = definition.settings.concurrencyLimit;
  if (limit) {
    const active = await orgDb(org.orgId).run.count({
      where: { orgId: org.orgId, workflowId, status: { in: ['QUEUED', 'RUNNING', 'WAITING'] } },
    });
    if (active >= limit) {
      throw new ApiError(
        429,
        'concurrency_limit',
        `This workflow allows ${limit} active run(s) at a time and has ${active}`,
        {
          limit,
          active,
        },
      );
    }
  }
  const runId = randomUUID();
  const input = body.input ?? null;
  const requestedAt = new Date();
  await orgDb(org.orgId).run.create({
    data: {
      id: runId,
      orgId: org.orgId,
      workflowId,
      versionId: version.id,
      trigger: options.trigger,
      input: input as never,
      startedByType: org.actor.type,
      startedById: org.actor.id,
      rerunOfId: options.rerunOfId,
      createdAt: requestedAt,
      // The request's trace, which the Temporal client carries on into the run.
      traceId: activeTrace()?.traceId,
    },
  });
  const workflowInput: RunWorkflowInput = {
    runId,
    orgId: org.orgId,
    workflowId,
    version: version.version,
    definition,
    input,
    requestedAt: requestedAt.toISOString(),
    ...(options.reuse ? { reuse: options.reuse } : {}),
  };
  try {
    const client = await temporalClient();
    await client.workflow.start(RUN_WORKFLOW_TYPE, {
      taskQueue: serverEnv().TEMPORAL_TASK_QUEUE,
      workflowId: runId,
      args: [workflowInput],
      ...(definition.settings.timeoutMs ? { workflowExecutionTimeout: definition.settings.timeoutMs } : {}),
    });
  } catch (error) {
    const message = `The run could not be started on Temporal: ${(error as Error).message}`;
    await orgDb(org.orgId).run.update({
      where: { id: runId },
      data: { status: 'FAILED', error: { type: 'StartFailed', message }, endedAt: new Date() },
    });
    throw new ApiError(503, 'engine_unavailable', message);
  }
  processMetrics().runsStarted.inc({ workflow_id: workflowId, trigger: options.trigger });
  await recordAudit(org, {
    action: options.trigger === 'RERUN' ? 'run.rerun' : 'run.start',
    targetType: 'run',
    targetId: runId,
    data: { workflowId, version: version.version, ...(options.rerunOfId ? { rerunOf: options.rerunOfId } : {}) },
  });
  return { runId, version: version.version };
}
