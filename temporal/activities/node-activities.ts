import { ApplicationFailure, CancelledFailure, Context } from '@temporalio/activity';
import { activityNodeTypes } from '../../lib/connectors/activity-nodes';
import { NodeFailure, type ActivityNodeType, type NodeLogEntry } from '../../lib/connectors/define-node';
import { executeActivityNode } from '../../lib/connectors/execute-activity-node';
import { guardCredentialAttempt } from '../../lib/connectors/credential-guard/guard';
import { createLogger } from '../../lib/logging/logger';
import { outboundFetch } from '../../lib/outbound/outbound-fetch';
import { orgOutboundPolicy } from '../../lib/outbound/org-allowlist';
import { resolveGuarded } from '../../lib/outbound/guarded-lookup';
import { activityName } from '../../lib/connectors/node-key';
import { processMetrics } from '../../lib/metrics/registry';
import { resolvePayloadRefs, storeIfLarge } from '../../lib/runs/payloads';
import { redactConfig } from '../../lib/runs/redact-config';
import type {
  NodeActivityInput,
  NodeErrorInfo,
  StepRecord,
  StepStatus,
  TimedNodeResult,
} from '../../lib/runs/run-contract';
import { recoverInterruptedLocalRun } from './local-rerun';
import { writeProgress } from './progress-writer';
import { lostAttempt, recordProgress } from './record-progress';

const HEARTBEAT_EVERY_MS = 2_000;
// A long attempt's lines (an LLM's streamed reply) reach the live log while it runs, one batch
// per this interval at most, rather than all at its end.
const LOG_FLUSH_EVERY_MS = 500;
const log = createLogger({ service: 'worker', component: 'node-activities' });

function toFailure(error: unknown): ApplicationFailure {
  if (error instanceof ApplicationFailure) return error;
  if (error instanceof NodeFailure) {
    return ApplicationFailure.create({
      message: error.message,
      type: error.options.type ?? 'NodeFailure',
      nonRetryable: error.options.nonRetryable ?? false,
      details: error.options.details === undefined ? [] : [error.options.details],
      ...(error.options.retryAfterMs === undefined ? {} : { nextRetryDelay: error.options.retryAfterMs }),
    });
  }
  const cause = error instanceof Error ? error : new Error(String(error));
  return ApplicationFailure.create({ message: cause.message, type: cause.name });
}

// What users see of a failure: the message, type and details, never the worker's stack (server
// paths); a code node's own frames are in its details.
const errorInfo = (failure: ApplicationFailure): NodeErrorInfo => ({
  message: failure.message,
  type: failure.type ?? 'Error',
  ...(failure.details?.length ? { details: failure.details[0] } : {}),
});

/**
 * What a local activity's attempts leave for its next attempt, kept from its first attempt until
 * it is not retried. A local activity's retries run on the worker that runs its workflow, so its
 * memory carries them:
 * - `heartbeat`: what the last attempt heartbeated (Temporal keeps this for regular activities
 *   only); an attempt a crash interrupted runs again from the start anyway.
 * - `attemptOffset`: how far its attempts are numbered past Temporal's: run again after a crash,
 *   it starts over at Temporal's attempt 1, after the attempts its interrupted run recorded.
 */
const localRuns = new Map<string, { heartbeat?: unknown; attemptOffset: number }>();

const localActivityKey = ({ workflowExecution, activityId }: Context['info']) =>
  `${workflowExecution?.workflowId}/${workflowExecution?.runId}/${activityId}`;

/** Whether Temporal tries the activity again after this failed attempt. */
function retriedAfter(info: Context['info'], failure: ApplicationFailure): boolean {
  const { maximumAttempts, nonRetryableErrorTypes } = info.retryPolicy ?? {};
  if (failure.nonRetryable || nonRetryableErrorTypes?.includes(failure.type ?? '')) return false;
  return !maximumAttempts || info.attempt < maximumAttempts;
}

/** Runs one attempt of an activity node: parses its config, records the attempt, keeps the heartbeat. */
async function runNodeAttempt(nodeType: ActivityNodeType, input: NodeActivityInput): Promise<unknown> {
  const context = Context.current();
  const temporalAttempt = context.info.attempt;
  const localKey = context.info.isLocal ? localActivityKey(context.info) : undefined;
  // A local activity's first attempt starts a run of it; its retries continue that run.
  if (localKey && (temporalAttempt === 1 || !localRuns.has(localKey))) localRuns.set(localKey, { attemptOffset: 0 });
  const localRun = localKey ? localRuns.get(localKey) : undefined;
  let attempt = temporalAttempt + (localRun?.attemptOffset ?? 0);
  const { runId, orgId, nodeId, iteration } = input;
  const startedAt = new Date().toISOString();
  const metrics = processMetrics();
  if (temporalAttempt > 1) metrics.nodeRetries.inc({ node_type: nodeType.type });
  const timer = metrics.nodeDuration.startTimer({ node_type: nodeType.type });
  const logs: NodeLogEntry[] = [];
  let flushTimer: NodeJS.Timeout | undefined;
  let flushed = Promise.resolve();
  // Batches are written one after another, so lines keep their order; a failed write loses only
  // its batch's live view, not the attempt.
  const flushLogs = () => {
    flushTimer = undefined;
    const batch = logs.splice(0);
    if (batch.length === 0) return;
    flushed = flushed.then(() =>
      writeProgress({ runId, orgId, steps: [] }, { nodeId, attempt, entries: batch }).then(
        () => undefined,
        (error: unknown) => log.warn('could not write log lines during the attempt', { runId, nodeId, attempt, error }),
      ),
    );
  };
  // The attempt's last log lines are stored with its end, numbered before it, so a live view has
  // them when it sees the end.
  const record = async (
    status: StepStatus,
    extra: { output?: unknown; error?: NodeErrorInfo; endedAt?: string } = {},
  ) => {
    clearTimeout(flushTimer);
    await flushed;
    const step: StepRecord = {
      nodeId,
      iteration,
      attempt,
      status,
      startedAt,
      ...(status === 'SUCCEEDED' ? { handles: ['out'] } : {}),
      ...extra,
    };
    await writeProgress({ runId, orgId, steps: [step] }, { nodeId, attempt, entries: logs.splice(0) });
  };
  // The config as resolved for this attempt is what the run page shows as the node's input.
  const running = (numbered: number): StepRecord => ({
    nodeId,
    iteration,
    attempt: numbered,
    status: 'RUNNING',
    startedAt,
    input: redactConfig(input.config),
  });
  // The interpreter's pending records ride along with this attempt's first write, the run's start
  // among them: every attempt carries it, since it changes only a run not yet started.
  const replaced = await writeProgress({
    runId,
    orgId,
    ...(input.progress?.run ? { run: input.progress.run } : {}),
    steps: [
      ...(input.progress?.steps ?? []),
      ...(await lostAttempt({ orgId, runId, nodeId, iteration, attempt }, startedAt)),
      running(attempt),
    ],
  });
  const interrupted =
    localRun && temporalAttempt === 1
      ? replaced.find((step) => step.nodeId === nodeId && step.iteration === iteration && step.attempt === attempt)
      : undefined;
  if (localRun && interrupted) {
    const recovered = await recoverInterruptedLocalRun({ orgId, runId, nodeId, iteration }, interrupted, startedAt);
    localRun.attemptOffset = recovered.attemptOffset;
    attempt = temporalAttempt + recovered.attemptOffset;
    await recordProgress({ runId, orgId, steps: [...recovered.corrections, running(attempt)] });
  }
  // The latest details a node heartbeated ride along with every periodic heartbeat, so a
  // retry after a crash reads what the node last recorded, not an empty heartbeat. A local
  // activity cannot heartbeat (the timeout of the workflow task it runs in notices a dead worker
  // instead): its details stay in this worker's memory for its next attempt.
  const previousDetails = localRun ? localRun.heartbeat : context.info.heartbeatDetails;
  let heartbeatDetails: unknown = previousDetails;
  const heartbeat = localRun ? undefined : setInterval(() => context.heartbeat(heartbeatDetails), HEARTBEAT_EVERY_MS);
  let retried = false;
  try {
    const parsed = nodeType.config.safeParse(await resolvePayloadRefs(input.config, orgId));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new NodeFailure(`Node "${nodeId}", ${['config', ...issue.path].join('.')}: ${issue.message}`, {
        type: 'InvalidConfig',
        nonRetryable: true,
      });
    }
    const { startToCloseTimeoutMs, currentAttemptScheduledTimestampMs } = context.info;
    const budget = {
      remainingMs: () => currentAttemptScheduledTimestampMs + startToCloseTimeoutMs - Date.now(),
      signal: context.cancellationSignal,
    };
    const output = await guardCredentialAttempt(orgId, parsed.data, budget, () =>
      executeActivityNode(nodeType, {
        config: parsed.data,
        run: { runId, orgId, nodeId, attempt },
        idempotencyKey: iteration > 0 ? `${runId}:${nodeId}:${iteration}` : `${runId}:${nodeId}`,
        log: (entry) => {
          logs.push(entry);
          flushTimer ??= setTimeout(flushLogs, LOG_FLUSH_EVERY_MS);
        },
        signal: context.cancellationSignal,
        guardedFetch: async (url, request = {}) => outboundFetch(url, request, await orgOutboundPolicy(orgId)),
        resolveHost: async (host) => resolveGuarded(await orgOutboundPolicy(orgId), host),
        heartbeatDetails: previousDetails,
        heartbeat: (details) => {
          heartbeatDetails = details;
          if (localRun) localRun.heartbeat = details;
          else context.heartbeat(details);
        },
      }),
    );
    const stored = await storeIfLarge(output ?? null, { orgId, runId, nodeId });
    timer({ outcome: 'succeeded' });
    const endedAt = new Date().toISOString();
    await record('SUCCEEDED', { output: stored, endedAt });
    return input.reportsEndTime ? ({ output: stored, endedAt } satisfies TimedNodeResult) : stored;
  } catch (error) {
    const endedAt = new Date().toISOString();
    timer({ outcome: context.cancellationSignal.aborted ? 'cancelled' : 'failed' });
    if (context.cancellationSignal.aborted) {
      await record('CANCELLED', { endedAt });
      throw error instanceof CancelledFailure ? error : new CancelledFailure('Activity cancelled');
    }
    const failure = toFailure(error);
    if (!(error instanceof NodeFailure)) {
      // An unexpected error: its stack is for operators, in the worker's log.
      log.error('node attempt failed unexpectedly', { runId, nodeId, attempt, error });
    }
    retried = retriedAfter(context.info, failure);
    await record('FAILED', { error: errorInfo(failure), endedAt });
    throw failure;
  } finally {
    clearInterval(heartbeat);
    if (localKey && !retried) localRuns.delete(localKey);
  }
}

/** One Temporal activity per activity node type, named by the type. */
export function createNodeActivities(): Record<string, (input: NodeActivityInput) => Promise<unknown>> {
  return Object.fromEntries(
    activityNodeTypes.map((nodeType) => [
      activityName(nodeType.type, nodeType.version),
      (input: NodeActivityInput) => runNodeAttempt(nodeType as ActivityNodeType, input),
    ]),
  );
}
