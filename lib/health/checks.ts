import { db } from '../db/client';
import { redis } from '../redis/client';
import { serverEnv } from '../config/server-env';
import { temporalClient } from '../../temporal/client';

export type DependencyName = 'database' | 'redis' | 'temporal' | 'worker' | 'collab';

export interface DependencyStatus {
  status: 'up' | 'down';
  latencyMs: number;
  /** What was seen when up; why it is down otherwise. */
  detail: string;
}

export interface HealthReport {
  status: 'up' | 'down';
  checkedAt: string;
  dependencies: Record<DependencyName, DependencyStatus>;
}

const CHECK_TIMEOUT_MS = 3_000;
// An idle worker long-polls for up to a minute, so its last poll can be that old and still live.
const WORKER_POLL_FRESHNESS_MS = 90_000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)),
        CHECK_TIMEOUT_MS,
      ).unref(),
    ),
  ]);
}

async function measure(what: string, check: () => Promise<string>): Promise<DependencyStatus> {
  const started = performance.now();
  try {
    const detail = await withTimeout(check(), what);
    return { status: 'up', latencyMs: Math.round(performance.now() - started), detail };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'down', latencyMs: Math.round(performance.now() - started), detail: message };
  }
}

async function checkDatabase() {
  const [row] = await db().$queryRaw<{ version: string }[]>`SELECT current_setting('server_version') AS version`;
  return `PostgreSQL ${row.version}`;
}

async function checkRedis() {
  const reply = await redis().ping();
  if (reply !== 'PONG') throw new Error(`unexpected PING reply ${reply}`);
  return `PING answered at ${serverEnv().REDIS_URL.replace(/\/\/.*@/, '//')}`;
}

async function checkTemporal() {
  const client = await temporalClient();
  const info = await client.workflowService.getSystemInfo({});
  return `server ${info.serverVersion || 'reachable'} at ${serverEnv().TEMPORAL_ADDRESS}`;
}

async function checkWorker() {
  const { TEMPORAL_NAMESPACE, TEMPORAL_TASK_QUEUE } = serverEnv();
  const client = await temporalClient();
  const { pollers } = await client.workflowService.describeTaskQueue({
    namespace: TEMPORAL_NAMESPACE,
    taskQueue: { name: TEMPORAL_TASK_QUEUE },
    // 1 = workflow task queue: a worker polls it whenever it runs workflows.
    taskQueueType: 1,
  });
  const now = Date.now();
  const fresh = (pollers ?? []).filter((poller) => {
    const seconds = Number(poller.lastAccessTime?.seconds ?? 0);
    return now - seconds * 1000 < WORKER_POLL_FRESHNESS_MS;
  });
  if (fresh.length === 0) throw new Error(`no worker is polling task queue "${TEMPORAL_TASK_QUEUE}"`);
  return `${fresh.length} poller(s) on "${TEMPORAL_TASK_QUEUE}"`;
}

async function checkCollab() {
  const url = new URL('/health', serverEnv().COLLAB_INTERNAL_URL);
  const response = await fetch(url, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const body = (await response.json()) as { connections?: number };
  return `${body.connections ?? 0} connection(s)`;
}

export async function checkHealth(): Promise<HealthReport> {
  const [database, redisStatus, temporal, worker, collab] = await Promise.all([
    measure('PostgreSQL', checkDatabase),
    measure('Redis', checkRedis),
    measure('Temporal', checkTemporal),
    measure('Temporal task queue', checkWorker),
    measure('Collab server', checkCollab),
  ]);
  const dependencies = { database, redis: redisStatus, temporal, worker, collab };
  const allUp = Object.values(dependencies).every((dependency) => dependency.status === 'up');
  return { status: allUp ? 'up' : 'down', checkedAt: new Date().toISOString(), dependencies };
}
