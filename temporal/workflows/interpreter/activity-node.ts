import { proxyActivities, type ActivityOptions } from '@temporalio/workflow';
import { activityName } from '../../../lib/connectors/node-key';
import type { DefinitionNode } from '../../../lib/definition/schema';
import type { NodeActivityInput } from '../../../lib/runs/run-contract';
import type { RunContext } from './run-context';
import type { Execution } from './execution';
import type { NodeResult } from './node-executor';

type NodeActivities = Record<string, (input: NodeActivityInput) => Promise<unknown>>;

const DEFAULT_TIMEOUT_MS = 5 * 60_000;
/** Activity nodes heartbeat while they run, so a dead worker is noticed in seconds, not at the timeout. */
const HEARTBEAT_TIMEOUT_MS = 10_000;

export function activityOptions(node: DefinitionNode): ActivityOptions {
  const retry = node.settings.retry;
  return {
    startToCloseTimeout: node.settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    heartbeatTimeout: HEARTBEAT_TIMEOUT_MS,
    taskQueue: node.settings.taskQueue,
    retry: {
      maximumAttempts: retry?.maxAttempts ?? 3,
      initialInterval: retry?.initialIntervalMs ?? 1_000,
      backoffCoefficient: retry?.backoffCoefficient ?? 2,
      ...(retry?.maxIntervalMs ? { maximumInterval: retry.maxIntervalMs } : {}),
      nonRetryableErrorTypes: retry?.nonRetryableErrorTypes ?? [],
    },
  };
}

export async function runActivityNode(
  ctx: RunContext,
  execution: Execution,
  node: DefinitionNode,
  config: unknown,
): Promise<NodeResult> {
  const progress = ctx.recorder.take();
  const activities = proxyActivities<NodeActivities>(activityOptions(node));
  const output = await activities[activityName(node.type, node.typeVersion)]({
    runId: ctx.input.runId,
    orgId: ctx.input.orgId,
    nodeId: node.id,
    iteration: execution.iteration,
    config,
    progress,
  });
  return { output, handles: ['out'] };
}
