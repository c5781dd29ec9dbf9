import {
  isGrpcServiceError,
  NamespaceNotFoundError,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
} from '@temporalio/client';
import { serverEnv } from '../config/server-env';
import type { RunTrigger } from '../db/generated/enums';
import { createLogger } from '../logging/logger';
import { processMetrics } from '../metrics/registry';
import { temporalClient } from '../../temporal/client';
import { recordRunEnd } from './reconcile-ended-runs';
import { RUN_WORKFLOW_TYPE, type RunWorkflowInput } from './run-contract';

const log = createLogger({ component: 'start-run' });

/**
 * Starts a recorded run's workflow, the run id as its workflow id. Temporal refuses an id it has
 * seen, open or closed, so whoever starts a run a second time (the start queue and the
 * stranded-runs job may both try) gets false and nothing runs twice.
 */
export async function startRunWorkflow(
  input: RunWorkflowInput,
  { trigger, timeoutMs }: { trigger: RunTrigger; timeoutMs?: number },
): Promise<boolean> {
  const client = await temporalClient();
  try {
    await client.workflow.start(RUN_WORKFLOW_TYPE, {
      taskQueue: serverEnv().TEMPORAL_TASK_QUEUE,
      workflowId: input.runId,
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      args: [input],
      ...(timeoutMs ? { workflowExecutionTimeout: timeoutMs } : {}),
    });
    processMetrics().runsStarted.inc({ workflow_id: input.workflowId, trigger });
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw error;
  }
}

// gRPC codes by which Temporal says the start itself is wrong (a namespace it lacks, an input
// it refuses, a caller it does not let in): asking again gets the same answer.
const REFUSED_FOR_GOOD = new Set([
  3, // INVALID_ARGUMENT
  5, // NOT_FOUND
  7, // PERMISSION_DENIED
  9, // FAILED_PRECONDITION
  12, // UNIMPLEMENTED
  16, // UNAUTHENTICATED
]);

/** True when Temporal refused a start for a reason that asking again cannot change. */
export function startRefusedForGood(error: unknown): boolean {
  // The client turns NOT_FOUND into these two.
  if (error instanceof NamespaceNotFoundError || error instanceof WorkflowNotFoundError) return true;
  const cause = error instanceof ServiceError ? error.cause : error;
  return isGrpcServiceError(cause) && REFUSED_FOR_GOOD.has(cause.code);
}

/**
 * Records that Temporal did not take the run: it ends FAILED (`StartFailed`), its audit row
 * kept. Answers the error's message as recorded.
 */
export async function recordStartFailed(orgId: string, runId: string, error: unknown): Promise<string> {
  const message = `The run could not be started on Temporal: ${(error as Error).message}`;
  log.error('run start failed', { runId, error });
  await recordRunEnd(orgId, runId, {
    status: 'FAILED',
    endedAt: new Date(),
    error: { type: 'StartFailed', message },
  }).catch((recordError: unknown) => {
    // The run stays QUEUED; its audit row and this line say what happened.
    log.error('run not marked failed after its start failed', { runId, error: recordError });
  });
  return message;
}
