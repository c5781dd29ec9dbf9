import { ParentClosePolicy, proxyActivities, startChild } from '@temporalio/workflow';
import type { NodeErrorInfo, RunWorkflowInput } from '../../../lib/runs/run-contract';
import type * as activities from '../../activities';
import type { RunContext } from './run-context';
import { newChildWorkflowId } from './child-ids';

const { prepareChildRun } = proxyActivities<typeof activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 5 },
});

/**
 * Starts the workflow named in the definition's `errorWorkflowId` with what failed, and leaves
 * it running on its own: alerting must not hold up, or fail with, the run it reports on.
 */
export async function startErrorWorkflow(ctx: RunContext, error: NodeErrorInfo): Promise<void> {
  const errorWorkflowId = ctx.input.definition.settings.errorWorkflowId;
  if (!errorWorkflowId) return;
  const failedRun = { runId: ctx.input.runId, workflowId: ctx.input.workflowId, version: ctx.input.version, error };
  try {
    const childRunId = newChildWorkflowId();
    const child = await prepareChildRun({
      parentRunId: ctx.input.runId,
      childRunId,
      orgId: ctx.input.orgId,
      workflowId: errorWorkflowId,
      input: failedRun,
    });
    const input: RunWorkflowInput = {
      runId: childRunId,
      orgId: ctx.input.orgId,
      workflowId: errorWorkflowId,
      version: child.version,
      definition: child.definition,
      input: failedRun,
      requestedAt: new Date().toISOString(),
      // Started by this run, on the revision this run was started on (absent: the same input as before).
      engineRevision: ctx.input.engineRevision,
    };
    await startChild('runWorkflow', {
      workflowId: childRunId,
      args: [input],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
  } catch {
    // A missing or broken error workflow must not change how the failed run is reported.
  }
}
