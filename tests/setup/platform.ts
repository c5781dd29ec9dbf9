import { randomBytes } from 'node:crypto';
import { chmod, cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startInfrastructure } from '../../launcher/infrastructure';
import { readLauncherSettings } from '../../launcher/settings';
import { buildWeb, startApps } from '../../launcher/apps';
import { getFreePort } from '../../launcher/ports';
import { newMasterKeyList } from '../../launcher/vault-key';
import { newAuthSecret } from '../../launcher/auth-secret';
import { signInOverHttp } from '../support/sign-in';
import { STUB_HOST } from '../support/test-server';
import { FakeOidcProvider } from '../support/fake-oidc';
import { OtlpCollector } from '../support/otlp-collector';
import type { SupervisedProcess } from '../../launcher/supervisor';
import type { PlatformInfo } from './platform-info';

const PLATFORM_LOGS = path.join(import.meta.dirname, '..', '..', 'test-results', 'platform-logs');

// Starts the whole platform with the launcher's own code, on free ports and a throwaway data
// folder, so tests never touch a developer's running instance or data. Benchmarks pass
// `envOverrides` (higher rate limits); vitest never does, so tests get exactly these settings.
export default async function setup(project: TestProject, envOverrides: Record<string, string> = {}) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'flow-test-'));
  // Postgres runs as its own user when we are root; it must be able to enter this folder.
  await chmod(dataDir, 0o755);
  const [postgresPort, redisPort, temporalPort, webPort, collabPort] = await Promise.all(
    Array.from({ length: 5 }, getFreePort),
  );
  const infrastructure = await startInfrastructure({
    dataDir,
    toolsDir: readLauncherSettings().TOOLS_DIR,
    ports: { postgres: postgresPort, redis: redisPort, temporal: temporalPort, temporalUi: 0 },
    external: {},
    quiet: true,
    // Long-loop tests must reach the point where Temporal suggests continue-as-new quickly.
    temporalDynamicConfig: { 'limit.historyCount.suggestContinueAsNew': 300 },
  });
  // The servers connect as the app's role; test files as the owner (server-env.ts).
  // Sign-in with an OpenID Connect provider is switched on, against a local one.
  const oidc = new FakeOidcProvider();
  const oidcUrl = await oidc.start();
  // Traces go to a local collector, as they would to a real one through the OTEL_* variables.
  const collector = new OtlpCollector();
  const otlpCollectorUrl = await collector.start();
  const webUrl = `http://127.0.0.1:${webPort}`;
  const env = {
    APP_URL: webUrl,
    DATABASE_URL: infrastructure.appDatabaseUrl,
    REDIS_URL: infrastructure.redisUrl,
    TEMPORAL_ADDRESS: infrastructure.temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: 'flow-orchestrator-test',
    COLLAB_PORT: String(collabPort),
    COLLAB_INTERNAL_URL: `http://127.0.0.1:${collabPort}`,
    LOG_LEVEL: 'warn',
    VAULT_MASTER_KEYS: newMasterKeyList(),
    AUTH_SECRET: newAuthSecret(),
    AUTH_OIDC_ISSUER: oidcUrl,
    AUTH_OIDC_ID: oidc.clientId,
    AUTH_OIDC_SECRET: oidc.clientSecret,
    AUTH_OIDC_NAME: 'Test SSO',
    // The owner's session cookie is made once for the whole run, which on a loaded machine
    // outlasts the 15 minutes after which a session rotates (its old token then stops working);
    // the session tests age their sessions past this instead.
    SESSION_ROTATE_SECONDS: String(24 * 3600),
    // Low enough for the rate-limit test to reach; the org limit stays out of other tests' way.
    RATE_LIMIT_API_KEY_PER_MINUTE: '60',
    // Opens the stand-ins for outside services (tests/support/test-server.ts), and nothing else.
    OUTBOUND_ALLOWED_TARGETS: STUB_HOST,
    METRICS_TOKEN: randomBytes(24).toString('base64url'),
    OTEL_EXPORTER_OTLP_ENDPOINT: otlpCollectorUrl,
    OTEL_BSP_SCHEDULE_DELAY: '200',
    OTEL_METRIC_EXPORT_INTERVAL: '1000',
    // Background jobs (lib/jobs) run often enough for tests to wait on them.
    JOBS_RECONCILE_EVERY_MS: '1000',
    // Retention tests prune themselves, at a moment they choose: the daily job waits for a 29 February.
    JOBS_RETENTION_PATTERN: '0 3 29 2 *',
    JOBS_ALERTS_EVERY_MS: '1000',
    JOBS_SCHEDULES_EVERY_MS: '1000',
    // Uploads (lib/files) go to the throwaway data folder too.
    FILES_DIR: path.join(dataDir, 'files'),
    ...envOverrides,
  };
  const runDir = path.join(dataDir, 'run');
  let apps: SupervisedProcess[] = [];
  let disconnect = async () => {};
  const teardown = async () => {
    await disconnect();
    await Promise.allSettled(apps.map((app) => app.stop()));
    await infrastructure.stop();
    await oidc.stop();
    await collector.stop();
    // The web server's, worker's and collab server's logs outlive the run, for a failure to be read.
    await cp(runDir, PLATFORM_LOGS, { recursive: true, force: true }).catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await buildWeb(env, true);
    apps = await startApps({ mode: 'start', webPort, collabPort, runDir, env, quiet: true });
    await Promise.all(apps.map((app) => app.ready));
  } catch (error) {
    await teardown();
    throw error;
  }
  // The owner signs up as a person would (personal org included) and signs in over HTTP.
  Object.assign(process.env, env);
  const { signUp } = await import('../../lib/auth/accounts');
  const { db } = await import('../../lib/db/client');
  disconnect = () => db().$disconnect();
  const password = 'correct horse battery staple';
  const { user, org } = await signUp({ name: 'Test Owner', email: 'owner@flow.test', password });
  const sessionCookie = await signInOverHttp(webUrl, user.email, password);
  const platform: PlatformInfo = {
    webUrl,
    collabUrl: env.COLLAB_INTERNAL_URL,
    databaseUrl: infrastructure.databaseUrl,
    appDatabaseUrl: infrastructure.appDatabaseUrl,
    redisUrl: env.REDIS_URL,
    temporalAddress: env.TEMPORAL_ADDRESS,
    temporalNamespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    workerPid: apps.find((app) => app.name === 'worker')!.current().pid,
    vaultMasterKeys: env.VAULT_MASTER_KEYS,
    authSecret: env.AUTH_SECRET,
    metricsToken: env.METRICS_TOKEN,
    otlpCollectorUrl,
    logDir: runDir,
    oidcUrl,
    owner: { userId: user.id, email: user.email, password, orgId: org.id, orgName: org.name, sessionCookie },
  };
  project.provide('platform', platform);
  return teardown;
}
