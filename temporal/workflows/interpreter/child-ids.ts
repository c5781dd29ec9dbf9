import { getRandomStream, patched, uuid4 } from '@temporalio/workflow';

/** Patch id: child workflow ids are drawn from a random stream of their own. */
const CHILD_IDS_OWN_STREAM = 'child-ids-own-random-stream';

/**
 * The id of a child workflow the run starts (a child run, a long loop, the error workflow).
 *
 * The workflow's default random stream is shared: with tracing on, the OpenTelemetry workflow
 * interceptor draws span ids from it for every activity, timer and child it sees. An id drawn
 * from it after such a call depends on whether the worker traces, so a run started on a worker
 * that traces and replayed on one that does not (or the other way round) would start its child
 * under another id and fail as nondeterministic. A named stream is drawn by nothing else. Runs
 * that started before this patch keep drawing from the default stream.
 */
export function newChildWorkflowId(): string {
  return patched(CHILD_IDS_OWN_STREAM) ? getRandomStream('flow-orchestrator/child-workflow-ids').uuid4() : uuid4();
}
