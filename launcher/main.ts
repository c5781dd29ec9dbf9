// The one command that runs the whole platform: `npm run dev` (next dev) or `npm start`
// (next build + next start), with PostgreSQL, Redis and Temporal started locally unless
// DATABASE_URL, REDIS_URL or TEMPORAL_ADDRESS point elsewhere.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startInfrastructure, type Infrastructure } from './infrastructure';
import { buildWeb, projectRoot, startApps, type WebMode } from './apps';
import { readLauncherSettings } from './settings';
import { launcherLog } from './log';
import { localMasterKeys } from './vault-key';
import { localAuthSecret } from './auth-secret';
import { LaunchError } from './errors';
import { killAllNow } from './managed-process';
import type { SupervisedProcess } from './supervisor';

async function main() {
  const mode = process.argv[2] as WebMode;
  if (mode !== 'dev' && mode !== 'start') throw new LaunchError('usage: launcher/main.ts dev|start');
  const settings = readLauncherSettings();

  let infrastructureStarting: Promise<Infrastructure> | undefined;
  let apps: SupervisedProcess[] = [];
  let stopping = false;
  let stopRequestedAt = 0;
  const shutdown = async (exitCode: number) => {
    if (stopping) {
      // npm forwards the terminal's Ctrl-C, so one keypress can arrive twice; only a
      // deliberate second Ctrl-C skips the orderly stop.
      if (Date.now() - stopRequestedAt < 1_500) return;
      launcherLog('Stopping now.');
      killAllNow();
      process.exit(exitCode || 130);
    }
    stopping = true;
    stopRequestedAt = Date.now();
    launcherLog('Stopping…');
    await Promise.allSettled(apps.map((app) => app.stop()));
    // A stop asked for mid-start waits for the services to be up, then stops them.
    const infrastructure = await infrastructureStarting?.catch(() => undefined);
    await infrastructure?.stop();
    launcherLog('Stopped.');
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  // A closed terminal must not orphan the services, which run in their own process groups.
  process.on('SIGHUP', () => void shutdown(0));

  try {
    launcherLog(`Starting FlowOrchestrator (${mode}); data in ${path.resolve(settings.DATA_DIR)}`);
    infrastructureStarting = startInfrastructure({
      dataDir: settings.DATA_DIR,
      toolsDir: settings.TOOLS_DIR,
      ports: {
        postgres: settings.POSTGRES_PORT,
        redis: settings.REDIS_PORT,
        temporal: settings.TEMPORAL_PORT,
        temporalUi: settings.TEMPORAL_UI_PORT,
      },
      external: {
        databaseUrl: settings.DATABASE_URL,
        appDatabaseUrl: settings.APP_DATABASE_URL,
        redisUrl: settings.REDIS_URL,
        temporalAddress: settings.TEMPORAL_ADDRESS,
      },
    });
    const infrastructure = await infrastructureStarting;
    if (stopping) return;
    const env = {
      DATABASE_URL: infrastructure.appDatabaseUrl,
      REDIS_URL: infrastructure.redisUrl,
      TEMPORAL_ADDRESS: infrastructure.temporalAddress,
      TEMPORAL_NAMESPACE: settings.TEMPORAL_NAMESPACE,
      TEMPORAL_TASK_QUEUE: settings.TEMPORAL_TASK_QUEUE,
      COLLAB_PORT: String(settings.COLLAB_PORT),
      COLLAB_INTERNAL_URL: `http://127.0.0.1:${settings.COLLAB_PORT}`,
      VAULT_MASTER_KEYS: await localMasterKeys(settings.DATA_DIR, settings.VAULT_MASTER_KEYS),
      AUTH_SECRET: await localAuthSecret(settings.DATA_DIR, settings.AUTH_SECRET),
      // Where the web server listens unless a proxy publishes it elsewhere; links name this address.
      APP_URL: settings.APP_URL ?? `http://127.0.0.1:${settings.PORT}`,
      // Uploaded files (lib/files), unless FILES_S3_BUCKET keeps them in S3.
      FILES_DIR: process.env.FILES_DIR ?? path.join(settings.DATA_DIR, 'files'),
      // Run pages link to the dev server's own UI; with an outside Temporal, set TEMPORAL_UI_URL.
      TEMPORAL_UI_URL:
        process.env.TEMPORAL_UI_URL ??
        (settings.TEMPORAL_ADDRESS || !settings.TEMPORAL_UI_PORT
          ? undefined
          : `http://127.0.0.1:${settings.TEMPORAL_UI_PORT}`),
    };
    if (mode === 'start' && !existsSync(path.join(projectRoot, '.next/BUILD_ID'))) {
      launcherLog('No production build yet: running next build…');
      await buildWeb(env);
    }
    apps = await startApps({
      mode,
      webPort: settings.PORT,
      collabPort: settings.COLLAB_PORT,
      runDir: path.join(settings.DATA_DIR, 'run'),
      env,
    });
    // A crashed app is restarted (launcher/supervisor.ts); one that keeps crashing stops the platform.
    for (const app of apps) {
      void app.gaveUp.then((reason) => {
        if (stopping) return;
        launcherLog(`${reason}: stopping the platform.`);
        void shutdown(1);
      });
    }
    await Promise.all(apps.map((app) => app.ready));
    launcherLog(`FlowOrchestrator is up: http://127.0.0.1:${settings.PORT}  (health: /api/health)`);
  } catch (error) {
    report(error);
    await shutdown(1);
  }
}

function report(error: unknown) {
  if (error instanceof LaunchError) launcherLog(`✖ ${error.message}`);
  else console.error(error);
}

main().catch((error: unknown) => {
  report(error);
  process.exit(1);
});
