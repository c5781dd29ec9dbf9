import type { Redis } from 'ioredis';
import type { OrgContext } from '../auth/current-org';
import { ApiError } from '../api/errors';
import { orgDb } from '../db/tenant';
import { runEventsChannel } from '../events/run-events';
import { createLogger } from '../logging/logger';
import { redis } from '../redis/client';
import { resolvePayloadRefs } from './payloads';

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

type Check = () => void;

/**
 * One Redis connection per process subscribed to the run channels requests are waiting on, so
 * a thousand waiting requests hold one connection, not a thousand (a subscribed connection can
 * do nothing else, so it is not the shared command connection).
 */
class RunEndWatcher {
  private readonly subscriber: Redis;
  private readonly checks = new Map<string, Set<Check>>();

  constructor() {
    this.subscriber = redis().duplicate();
    this.subscriber.on('error', (error: Error) => log.warn('run end watcher error', { error: error.message }));
    this.subscriber.on('message', (channel: string, message: string) => {
      let status: string | undefined;
      try {
        status = (JSON.parse(message) as { run?: { status?: string } }).run?.status;
      } catch {
        return;
      }
      // Step records and log lines also travel here: only a run's end is worth a read.
      if (status && ENDED.has(status)) this.checks.get(channel)?.forEach((check) => check());
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

async function readEnd(org: OrgContext, runId: string): Promise<RunEnd | null> {
  const run = await orgDb(org.orgId).run.findFirst({
    where: { id: runId, orgId: org.orgId },
    select: { status: true, output: true, error: true },
  });
  if (!run || !ENDED.has(run.status)) return null;
  if (run.status === 'SUCCEEDED')
    return { status: 'SUCCEEDED', output: await resolvePayloadRefs(run.output, org.orgId) };
  if (run.status === 'FAILED') return { status: 'FAILED', error: run.error };
  return { status: 'CANCELLED' };
}

/**
 * Waits up to `ms` for the run to end, as its record says: woken by the run's end on its live
 * channel (the worker publishes it once written), then read from the database. Null when it has
 * not ended in time, the caller went away, or the wait itself failed (Redis or the database
 * away): the run has started either way, and an error would have the caller start it again.
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
  let wake: Check = () => undefined;
  let woken = false;
  const check: Check = () => {
    woken = true;
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
      const end = await readEnd(org, runId);
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
