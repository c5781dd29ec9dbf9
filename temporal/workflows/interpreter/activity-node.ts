import {
  proxyActivities,
  proxyLocalActivities,
  type ActivityOptions,
  type LocalActivityOptions,
} from '@temporalio/workflow';
import { takesChange } from './engine-revision';
import { activityName } from '../../../lib/connectors/node-key';
import type { DefinitionNode } from '../../../lib/definition/schema';
import type { NodeActivityInput, TimedNodeResult } from '../../../lib/runs/run-contract';
import type { RunContext } from './run-context';
import type { Execution } from './execution';
import type { NodeResult } from './node-executor';

type NodeActivities = Record<string, (input: NodeActivityInput) => Promise<unknown>>;

const DEFAULT_TIMEOUT_MS = 5 * 60_000;
/** Activity nodes heartbeat while they run, so a dead worker is noticed in seconds, not at the timeout. */
const HEARTBEAT_TIMEOUT_MS = 10_000;
/**
 * Nodes that set no timeout, or one of at most this, run as local activities unless they say
 * otherwise: Temporal advises local activities for short calls, and an attempt a crash interrupts
 * runs again from its start. A node that may run for minutes says so with its timeout.
 */
export const LOCAL_ACTIVITY_MAX_TIMEOUT_MS = 60_000;
/**
 * A local activity's retry waits up to this long inside the worker; a longer backoff is a durable
 * Temporal timer, so a crash during it neither loses the attempt count nor restarts the wait.
 * It matches the workflow task timeout, which bounds how long a dead worker goes unnoticed.
 */
const LOCAL_RETRY_THRESHOLD_MS = 10_000;
/**
 * Runs recorded before local activity nodes replay their regular activities; the marker is set
 * the first time a run takes the local path.
 */
export const LOCAL_ACTIVITY_PATCH = 'activity-nodes-run-as-local-activities';
/** Runs recorded before local activity nodes answered with their end time get their bare output. */
export const LOCAL_RESULT_END_TIME_PATCH = 'local-activity-nodes-answer-their-end-time';

function retryPolicy(node: DefinitionNode): ActivityOptions['retry'] {
  const retry = node.settings.retry;
  return {
    maximumAttempts: retry?.maxAttempts ?? 3,
    initialInterval: retry?.initialIntervalMs ?? 1_000,
    backoffCoefficient: retry?.backoffCoefficient ?? 2,
    ...(retry?.maxIntervalMs ? { maximumInterval: retry.maxIntervalMs } : {}),
    nonRetryableErrorTypes: retry?.nonRetryableErrorTypes ?? [],
  };
}

export function activityOptions(node: DefinitionNode): ActivityOptions {
  return {
    startToCloseTimeout: node.settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    heartbeatTimeout: HEARTBEAT_TIMEOUT_MS,
    taskQueue: node.settings.taskQueue,
    retry: retryPolicy(node),
  };
}

export function localActivityOptions(node: DefinitionNode): LocalActivityOptions {
  return {
    startToCloseTimeout: node.settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    localRetryThreshold: LOCAL_RETRY_THRESHOLD_MS,
    retry: retryPolicy(node),
  };
}

/**
 * Whether the node asks for, or by default gets, a local activity. A local activity runs on the
 * workflow's own worker, so a node with a task queue of its own never does.
 */
export function runsAsLocalActivity(node: DefinitionNode): boolean {
  const { activityMode, taskQueue, timeoutMs } = node.settings;
  if (taskQueue !== undefined || activityMode === 'regular') return false;
  return activityMode === 'local' || (timeoutMs ?? 0) <= LOCAL_ACTIVITY_MAX_TIMEOUT_MS;
}

export async function runActivityNode(
  ctx: RunContext,
  execution: Execution,
  node: DefinitionNode,
  config: unknown,
): Promise<NodeResult> {
  const progress = ctx.recorder.take();
  // The patch is asked only for nodes that would run locally, so a run without one records no marker.
  const local = runsAsLocalActivity(node) && takesChange(ctx.input, LOCAL_ACTIVITY_PATCH, 1);
  const activities = local
    ? proxyLocalActivities<NodeActivities>(localActivityOptions(node))
    : proxyActivities<NodeActivities>(activityOptions(node));
  const timed = local && takesChange(ctx.input, LOCAL_RESULT_END_TIME_PATCH, 1);
  const result = await activities[activityName(node.type, node.typeVersion)]({
    runId: ctx.input.runId,
    orgId: ctx.input.orgId,
    nodeId: node.id,
    iteration: execution.iteration,
    config,
    progress,
    ...(timed ? { reportsEndTime: true as const } : {}),
  });
  ctx.recorder.written(progress);
  if (!timed) return { output: result, handles: ['out'] };
  const { output, endedAt } = result as TimedNodeResult;
  ctx.observeTime(endedAt);
  return { output, handles: ['out'] };
}
