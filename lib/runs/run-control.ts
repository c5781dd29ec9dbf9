import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { OrgContext } from '../auth/current-org';
import { ApiError, notFound } from '../api/errors';
import { orgDb } from '../db/tenant';
import { temporalClient } from '../../temporal/client';
import { DECIDE_APPROVAL_UPDATE, type ApprovalDecision } from './run-contract';
import { recordAudit } from '../audit/record';
import { mayDecide, recordedApprovers } from './approvers';
import { hurryRunStart } from './run-start-queue';

const FINISHED = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

async function activeRun(org: OrgContext, runId: string) {
  const run = await orgDb(org.orgId).run.findFirst({
    where: { id: runId, orgId: org.orgId },
    select: { id: true, status: true },
  });
  if (!run) throw notFound('Run');
  if (FINISHED.has(run.status)) {
    throw new ApiError(409, 'run_finished', `Run ${runId} already ended (${run.status.toLowerCase()})`);
  }
  return run;
}

/**
 * Temporal's answer for a workflow it has no execution of while its record says it is active:
 * a QUEUED run whose start another process still holds, or a run that has closed while the
 * interpreter's final write is moments behind.
 */
function notInTemporal(run: { id: string; status: string }, error: unknown): never {
  if (!(error instanceof WorkflowNotFoundError)) throw error;
  if (run.status === 'QUEUED') {
    const message = `Run ${run.id} is queued and not started yet: try again in a moment`;
    throw new ApiError(409, 'run_not_started', message, undefined, { 'Retry-After': '1' });
  }
  throw new ApiError(409, 'run_finished', `Run ${run.id} already ended`);
}

/**
 * Asks Temporal to cancel the run; the interpreter cancels whatever the run waits on (a timer,
 * an approval, a child run or loop, an activity's retry), compensates and records CANCELLED.
 * A run that has ended, cancelled or not, answers 409 run_finished.
 */
export async function cancelRun(org: OrgContext, runId: string) {
  const run = await activeRun(org, runId);
  // A run whose start this process still holds is started first, so there is a workflow to
  // cancel.
  if (run.status === 'QUEUED') await hurryRunStart(runId);
  const client = await temporalClient();
  await client.workflow
    .getHandle(runId)
    .cancel()
    .catch((error: unknown) => notInTemporal(run, error));
  await recordAudit(org, { action: 'run.cancel', targetType: 'run', targetId: runId });
  return { runId, status: 'cancelling' as const };
}

/** Refuses a decider the waiting approval's `approvers` do not name (lib/runs/approvers.ts). */
async function assertMayDecide(org: OrgContext, runId: string, nodeId: string) {
  const prisma = orgDb(org.orgId);
  const waiting = await prisma.runStep.findFirst({
    where: { runId, nodeId, status: 'WAITING' },
    orderBy: { iteration: 'desc' },
    select: { input: true },
  });
  const approvers = recordedApprovers(waiting?.input);
  if (approvers.length === 0) return;
  const user = await prisma.user.findUnique({ where: { id: org.userId }, select: { email: true } });
  if (!mayDecide(approvers, { userId: org.userId, email: user?.email ?? '', role: org.role })) {
    throw new ApiError(403, 'not_an_approver', `Approval "${nodeId}" may be decided only by ${approvers.join(', ')}`);
  }
}

/** Delivers an approval decision as a validated update: unknown or decided approvals are refused. */
export async function decideApproval(org: OrgContext, runId: string, decision: Omit<ApprovalDecision, 'approver'>) {
  const run = await activeRun(org, runId);
  await assertMayDecide(org, runId, decision.nodeId);
  const client = await temporalClient();
  try {
    await client.workflow.getHandle(runId).executeUpdate(DECIDE_APPROVAL_UPDATE, {
      args: [{ ...decision, approver: org.userId } satisfies ApprovalDecision],
    });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      const reason = error.cause instanceof Error ? error.cause.message : error.message;
      throw new ApiError(409, 'approval_rejected', reason);
    }
    notInTemporal(run, error);
  }
  await recordAudit(org, {
    action: `approval.${decision.decision === 'approved' ? 'approve' : 'reject'}`,
    targetType: 'run',
    targetId: runId,
    data: { nodeId: decision.nodeId, comment: decision.comment },
  });
  return { runId, nodeId: decision.nodeId, decision: decision.decision };
}
