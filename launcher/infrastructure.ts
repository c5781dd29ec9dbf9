import path from 'node:path';
import { deployMigrations } from '../lib/db/migrate';
import { localAppDatabaseUrl, provisionAppRole } from './app-role';
import { startEmbeddedPostgres, type RunningService } from './postgres';
import { startRedis } from './redis';
import { startTemporalDevServer } from './temporal';
import { launcherLog } from './log';
import { readLauncherSettings } from './settings';

export interface InfrastructureOptions {
  dataDir: string;
  /** Where Redis and the Temporal CLI are fetched to when the machine has neither. */
  toolsDir: string;
  ports: { postgres: number; redis: number; temporal: number; /** 0 = headless */ temporalUi: number };
  /**
   * Existing services to use instead of starting local ones. `appDatabaseUrl` is the role the
   * apps connect as (provisioned as flow_app on the database when not given).
   */
  external: { databaseUrl?: string; appDatabaseUrl?: string; redisUrl?: string; temporalAddress?: string };
  quiet?: boolean;
  temporalDynamicConfig?: Record<string, string | number | boolean>;
}

export interface Infrastructure {
  /** As the tables' owner: migrations, tests and admin tools. */
  databaseUrl: string;
  /** As the app's role, held to row-level security: the web app, the worker and the collab server. */
  appDatabaseUrl: string;
  redisUrl: string;
  temporalAddress: string;
  stop(): Promise<void>;
}

const external = (url: string): RunningService => ({ url, stop: async () => {} });

/**
 * Brings up PostgreSQL, Redis and Temporal (each local unless an external one is given),
 * in parallel, then applies pending migrations and readies the app's database role. If any
 * fails, the others are stopped.
 */
export async function startInfrastructure(options: InfrastructureOptions): Promise<Infrastructure> {
  const { dataDir, toolsDir, ports, quiet } = options;
  const starting = [
    options.external.databaseUrl
      ? Promise.resolve(external(options.external.databaseUrl))
      : startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: ports.postgres, quiet }),
    options.external.redisUrl
      ? Promise.resolve(external(options.external.redisUrl))
      : startRedis({ dataDir: path.join(dataDir, 'redis'), toolsDir, port: ports.redis, quiet }),
    options.external.temporalAddress
      ? Promise.resolve(external(options.external.temporalAddress))
      : startTemporalDevServer({
          dataDir: path.join(dataDir, 'temporal'),
          toolsDir,
          port: ports.temporal,
          uiPort: ports.temporalUi,
          quiet,
          dynamicConfig: options.temporalDynamicConfig,
        }),
  ];
  const results = await Promise.allSettled(starting);
  const started = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const stopAll = async () => {
    await Promise.allSettled(started.map((service) => service.stop()));
  };
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) {
    await stopAll();
    throw failure.reason;
  }
  const [postgres, redis, temporal] = started;
  let appDatabaseUrl: string;
  try {
    const applied = await deployMigrations(postgres.url);
    if (applied.length && !quiet) launcherLog(`Applied migrations: ${applied.join(', ')}`);
    appDatabaseUrl = options.external.appDatabaseUrl ?? (await localAppDatabaseUrl(dataDir, postgres.url));
    await provisionAppRole(postgres.url, appDatabaseUrl);
  } catch (error) {
    await stopAll();
    throw error;
  }
  return {
    databaseUrl: postgres.url,
    appDatabaseUrl,
    redisUrl: redis.url,
    temporalAddress: temporal.url,
    stop: stopAll,
  };
}

/** For one-off tools: DATABASE_URL, or the embedded Postgres for as long as `work` runs. */
export async function withDatabaseForTools<T>(work: (databaseUrl: string) => Promise<T>): Promise<T> {
  const settings = readLauncherSettings();
  if (settings.DATABASE_URL) return work(settings.DATABASE_URL);
  const postgres = await startEmbeddedPostgres({
    dataDir: path.join(settings.DATA_DIR, 'postgres'),
    port: settings.POSTGRES_PORT,
    quiet: true,
  });
  try {
    return await work(postgres.url);
  } finally {
    await postgres.stop();
  }
}
