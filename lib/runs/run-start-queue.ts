import { context, type Context } from '@opentelemetry/api';
import type { RunTrigger } from '../db/generated/enums';
import { createLogger } from '../logging/logger';
import type { RunWorkflowInput } from './run-contract';
import { recordStartFailed, startRefusedForGood, startRunWorkflow } from './start-run-workflow';
import { positiveIntSetting } from '../config/positive-int-setting';

const log = createLogger({ component: 'run-start-queue' });

/** A recorded run waiting for its workflow to be started. */
export interface QueuedRunStart {
  orgId: string;
  trigger: RunTrigger;
  workflowInput: RunWorkflowInput;
  timeoutMs?: number;
}

interface Entry extends QueuedRunStart {
  /** The request's trace, which the Temporal client carries on into the run. */
  traceContext: Context;
  attempts: number;
  state: 'waiting' | 'sending' | 'backing off';
  retryTimer?: NodeJS.Timeout;
  settled: Promise<void>;
  settle: () => void;
}

// Temporal unreachable or busy: asked again after these pauses, about a minute in all; then the
// run is left to the start-stranded-runs job, which tries again every half minute.
const RETRY_DELAYS_MS = [250, 500, 1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

function maxSending(): number {
  return positiveIntSetting('RUN_START_QUEUE_CONCURRENCY', 16);
}

interface QueueState {
  waiting: Entry[];
  byRunId: Map<string, Entry>;
  sending: number;
}

// On globalThis: Next may load this module once per route bundle, and the cancel route must
// find the starts the start route queued.
const globalForQueue = globalThis as unknown as { runStartQueue?: QueueState };
function queue(): QueueState {
  globalForQueue.runStartQueue ??= { waiting: [], byRunId: new Map(), sending: 0 };
  return globalForQueue.runStartQueue;
}

/** How many starts this process holds that have not settled. */
export function queuedRunStarts(): number {
  return queue().byRunId.size;
}

/**
 * Hands a recorded run to this process's start queue, which starts its workflow in the
 * background, a bounded number at a time, asking again while Temporal is away. The run row is
 * already committed (QUEUED), so a start this process never gets to is made by the
 * start-stranded-runs job.
 */
export function queueRunStart(start: QueuedRunStart): void {
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const entry: Entry = { ...start, traceContext: context.active(), attempts: 0, state: 'waiting', settled, settle };
  const state = queue();
  state.byRunId.set(start.workflowInput.runId, entry);
  state.waiting.push(entry);
  sendWaiting();
}

/**
 * Starts the run's workflow now if this process still holds its start, ahead of the queue and
 * its retry pause; resolves once that start has settled (started or given up). Null when this
 * process holds no start for the run.
 */
export function hurryRunStart(runId: string): Promise<void> | null {
  const state = queue();
  const entry = state.byRunId.get(runId);
  if (!entry) return null;
  if (entry.state !== 'sending') {
    clearTimeout(entry.retryTimer);
    const index = state.waiting.indexOf(entry);
    if (index >= 0) state.waiting.splice(index, 1);
    void send(entry);
  }
  return entry.settled;
}

function sendWaiting() {
  const state = queue();
  while (state.sending < maxSending() && state.waiting.length > 0) void send(state.waiting.shift()!);
}

async function send(entry: Entry) {
  const state = queue();
  const { runId } = entry.workflowInput;
  entry.state = 'sending';
  entry.attempts++;
  state.sending++;
  try {
    await context.with(entry.traceContext, () => startRunWorkflow(entry.workflowInput, entry));
    finish(entry);
  } catch (error) {
    if (startRefusedForGood(error)) {
      await recordStartFailed(entry.orgId, runId, error);
      finish(entry);
    } else if (entry.attempts <= RETRY_DELAYS_MS.length) {
      entry.state = 'backing off';
      entry.retryTimer = setTimeout(
        () => {
          entry.state = 'waiting';
          state.waiting.push(entry);
          sendWaiting();
        },
        RETRY_DELAYS_MS[entry.attempts - 1],
      );
      entry.retryTimer.unref();
    } else {
      log.warn('run start left to the start-stranded-runs job', { runId, attempts: entry.attempts, error });
      finish(entry);
    }
  } finally {
    state.sending--;
    sendWaiting();
  }
}

function finish(entry: Entry) {
  queue().byRunId.delete(entry.workflowInput.runId);
  entry.settle();
}
