import type { Redis } from 'ioredis';
import type { OrgContext } from '../auth/current-org';
import { ApiError } from '../api/errors';
import { orgStatement } from '../db/tenant';
import { runEventsChannel } from '../events/run-events';
import { createLogger } from '../logging/logger';
import { redisSubscriber } from '../redis/client';
import { resolvePayloadRefs } from './payloads';
import type { RunPatch } from './run-contract';

const log = createLogger({ component: 'wait-for-run-end' });

/** The longest a request may hold its connection waiting for a run to end. */
export const MAX_WAIT_MS = 60_000;
const ENDED = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/**
 * `?wait=` as milliseconds: `30s`, `500ms`, or a bare number of seconds, at most 60 s; 0 when
 * absent (answer at once).
 */
export function parseWait(value: string | null): number {
  if (value === null) return 0;
  const match = /^(\d{1,6})(ms|s)?$/.exec(value.trim());
  const ms = match ? Number(match[1]) * (match[2] === 'ms' ? 1 : 1000) : NaN;
  if (!(ms <= MAX_WAIT_MS)) {
    const message = `must be a duration such as "30s" or "500ms", at most ${MAX_WAIT_MS / 1000}s, not "${value}"`;
    throw new ApiError(400, 'invalid_request', `wait: ${message}`, [{ path: 'wait', message }]);
  }
  return ms;
}

/** How a run ended: its output, or the error that failed it. */
export type RunEnd =
  { status: 'SUCCEEDED'; output: unknown } | { status: 'FAILED'; error: unknown } | { status: 'CANCELLED' };

/** Called when the run may have ended: with its end as the worker published it, if it has. */
type Check = (ended?: RunPatch) => void;

/**
 * One Redis connection per process subscribed to the run channels requests are waiting on, so
 * a thousand waiting requests hold one connection, not a thousand (a subscribed connection can
 * do nothing else, so it is not the shared command connection).
 */
class RunEndWatcher {
  private readonly subscriber: Redis;
  private readonly checks = new Map<string, Set<Check>>();

  constructor() {
    this.subscriber = redisSubscriber();
    this.subscriber.on('error', (error: Error) => log.warn('run end watcher error', { error: error.message }));
    this.subscriber.on('message', (channel: string, message: string) => {
      let run: RunPatch | undefined;
      try {
        run = (JSON.parse(message) as { run?: RunPatch }).run;
      } catch {
        return;
      }
      // Step records and log lines also travel here: only a run's end matters. The worker
      // publishes the end once it is written, with what it wrote, so it needs no read.
      if (run && ENDED.has(run.status)) this.checks.get(channel)?.forEach((check) => check(run));
    });
    // Pub/sub keeps nothing for a connection that was down: whatever ended meanwhile is read.
    this.subscriber.on('ready', () => this.checks.forEach((checks) => checks.forEach((check) => check())));
  }

  /** Calls `check` when the run may have ended; resolves once Redis has confirmed the subscription. */
  async watch(runId: string, check: Check): Promise<() => void> {
    const channel = runEventsChannel(runId);
    let checks = this.checks.get(channel);
    if (!checks) this.checks.set(channel, (checks = new Set()));
    checks.add(check);
    const unwatch = () => {
      checks.delete(check);
      if (checks.size === 0 && this.checks.get(channel) === checks) {
        this.checks.delete(channel);
        this.subscriber.unsubscribe(channel).catch(() => undefined);
      }
    };
    try {
      await this.subscriber.subscribe(channel);
    } catch (error) {
      unwatch();
      throw error;
    }
    return unwatch;
  }
}

const globalForWatcher = globalThis as unknown as { runEndWatcher?: RunEndWatcher };

async function toRunEnd(
  orgId: string,
  run: { status: string; output?: unknown; error?: unknown },
): Promise<RunEnd | null> {
  if (run.status === 'SUCCEEDED')
    return { status: 'SUCCEEDED', output: await resolvePayloadRefs(run.output ?? null, orgId) };
  if (run.status === 'FAILED') return { status: 'FAILED', error: run.error ?? null };
  if (run.status === 'CANCELLED') return { status: 'CANCELLED' };
  return null;
}

// One round trip (orgStatement): every waiting start reads its run once.
const readRunEnd = `SELECT status, output, error FROM runs WHERE id = $1 AND org_id = $2::uuid`;

async function readEnd(org: OrgContext, runId: string): Promise<RunEnd | null> {
  const [run] = await orgStatement<{ status: string; output: unknown; error: unknown }>(org.orgId, readRunEnd, [
    runId,
    org.orgId,
  ]);
  return run ? toRunEnd(org.orgId, run) : null;
}

/**
 * Waits up to `ms` for the run to end, as its record says: read once from the database, then
 * taken from the run's live channel, where the worker publishes the end once it is written.
 * Null when it has not ended in time, the caller went away, or the wait itself failed (Redis or
 * the database away): the run has started either way, and an error would have the caller start
 * it again.
 */
export async function waitForRunEnd(
  org: OrgContext,
  runId: string,
  ms: number,
  signal?: AbortSignal,
): Promise<RunEnd | null> {
  try {
    return await watchForEnd(org, runId, ms, signal);
  } catch (error) {
    log.warn('stopped waiting for a run to end', { runId, error: (error as Error).message });
    return null;
  }
}

async function watchForEnd(org: OrgContext, runId: string, ms: number, signal?: AbortSignal) {
  const watcher = (globalForWatcher.runEndWatcher ??= new RunEndWatcher());
  let wake: () => void = () => undefined;
  let woken = false;
  let published: RunPatch | undefined;
  const check: Check = (ended) => {
    woken = true;
    published ??= ended;
    wake();
  };
  // Subscribed before the first read, so an end written after the read is announced.
  const unwatch = await watcher.watch(runId, check);
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
    signal?.addEventListener('abort', () => resolve(null), { once: true });
  });
  try {
    for (;;) {
      woken = false;
      // A check without the end (Redis reconnected, and may have missed it) reads the record.
      const end = published ? await toRunEnd(org.orgId, published) : await readEnd(org, runId);
      if (end) return end;
      if (signal?.aborted) return null;
      // A check that came during the read is not lost: read again at once.
      if (woken) continue;
      const next = await Promise.race([new Promise<'check'>((resolve) => (wake = () => resolve('check'))), gaveUp]);
      if (next === null) return null;
    }
  } finally {
    clearTimeout(timer);
    unwatch();
  }
}
