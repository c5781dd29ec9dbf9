import os from 'node:os';
import type { MetricObjectWithValues, MetricValue } from 'prom-client';
import { redis } from '../redis/client';
import { createLogger } from '../logging/logger';
import { processMetrics } from './registry';

// Every process writes its registry to Redis every few seconds under its own key, which
// expires when the process stops writing; GET /api/metrics reads them all. A restarted or
// stopped process's counters leave the sum, which Prometheus reads as a counter reset.
const PUBLISH_EVERY_MS = 5_000;
const SNAPSHOT_TTL_MS = 3 * PUBLISH_EVERY_MS;
const PROCESSES_KEY = 'metrics:processes';

export type MetricsSnapshot = MetricObjectWithValues<MetricValue<string>>[];

const log = createLogger({ component: 'metrics' });
const ownKey = (service: string) => `metrics:process:${service}:${os.hostname()}:${process.pid}`;

async function publish(key: string, beforePublish?: () => void) {
  beforePublish?.();
  const snapshot = JSON.stringify(await processMetrics().registry.getMetricsAsJSON());
  await redis().multi().set(key, snapshot, 'PX', SNAPSHOT_TTL_MS).sadd(PROCESSES_KEY, key).exec();
}

const globalForPublisher = globalThis as unknown as { metricsPublisher?: string };

/**
 * Starts writing this process's metrics for `service` (once per process; later calls are
 * no-ops). `beforePublish` sets gauges that are read rather than counted.
 */
export function startMetricsPublisher(service: string, beforePublish?: () => void): void {
  if (globalForPublisher.metricsPublisher) return;
  const key = ownKey(service);
  globalForPublisher.metricsPublisher = key;
  let lastError = '';
  const tick = () =>
    publish(key, beforePublish).then(
      () => (lastError = ''),
      (error: Error) => {
        if (error.message !== lastError) log.warn('could not publish metrics', { error: error.message });
        lastError = error.message;
      },
    );
  void tick();
  setInterval(tick, PUBLISH_EVERY_MS).unref();
}

/** The latest snapshot of every live process but this one (whose registry is read directly). */
export async function otherProcessSnapshots(): Promise<MetricsSnapshot[]> {
  const keys = (await redis().smembers(PROCESSES_KEY)).filter((key) => key !== globalForPublisher.metricsPublisher);
  if (keys.length === 0) return [];
  const values = await redis().mget(keys);
  const gone = keys.filter((_, index) => values[index] === null);
  if (gone.length > 0) await redis().srem(PROCESSES_KEY, ...gone);
  return values.filter((value): value is string => value !== null).map((value) => JSON.parse(value) as MetricsSnapshot);
}
