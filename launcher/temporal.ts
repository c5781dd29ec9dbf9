import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { locateBinary } from './binaries';
import { assertPortFree } from './ports';
import { startProcess, waitUntilListening } from './managed-process';
import { launcherLog } from './log';
import { stopStaleProcess } from './stale-processes';
import type { RunningService } from './postgres';

export interface TemporalOptions {
  dataDir: string;
  /** Where the launcher keeps the Temporal CLI it fetched, when the machine has none. */
  toolsDir: string;
  port: number;
  /** 0 runs headless. */
  uiPort: number;
  quiet?: boolean;
  /** Server dynamic config, e.g. lower history limits so tests reach them quickly. */
  dynamicConfig?: Record<string, string | number | boolean>;
}

/**
 * The worker's activities run on the workflow's task queue, so the server can hand an activity
 * task straight back in its answer to the workflow task that scheduled it (eager dispatch; the
 * SDK asks for it by default) instead of matching it to a poll. Measured with bench:throughput.
 */
const SERVER_DYNAMIC_CONFIG = { 'system.enableActivityEagerExecution': true };

/**
 * SQLite's default rollback journal creates, syncs and deletes a journal file on every commit;
 * with a write-ahead log a commit is one append. `synchronous=normal` still keeps the database
 * consistent after a crash of the machine; the last commits before it may be lost, which a
 * development server can afford.
 */
const SQLITE_PRAGMAS = ['journal_mode=wal', 'synchronous=normal'];

/** Starts `temporal server start-dev` with a SQLite file in dataDir. */
export async function startTemporalDevServer(options: TemporalOptions): Promise<RunningService> {
  const binary = await locateBinary('temporal', options.toolsDir);
  const dir = path.resolve(options.dataDir);
  await mkdir(dir, { recursive: true });
  const pidFile = path.join(dir, 'launcher.pid');
  await stopStaleProcess(pidFile, 'temporal');
  await assertPortFree(options.port, 'Temporal', 'TEMPORAL_PORT');
  if (options.uiPort) await assertPortFree(options.uiPort, 'the Temporal UI', 'TEMPORAL_UI_PORT');
  const ui = options.uiPort ? ['--ui-port', String(options.uiPort)] : ['--headless'];
  const dynamicConfig = Object.entries({ ...SERVER_DYNAMIC_CONFIG, ...options.dynamicConfig }).flatMap(
    ([key, value]) => ['--dynamic-config-value', `${key}=${JSON.stringify(value)}`],
  );
  const temporal = startProcess({
    name: 'temporal',
    command: binary,
    args: [
      'server',
      'start-dev',
      '--db-filename',
      path.join(dir, 'temporal.db'),
      '--ip',
      '127.0.0.1',
      '--port',
      String(options.port),
      '--log-level',
      'error',
      ...SQLITE_PRAGMAS.flatMap((pragma) => ['--sqlite-pragma', pragma]),
      ...ui,
      ...dynamicConfig,
    ],
    pidFile,
    silent: options.quiet,
    // The dev server prints its banner (ports, UI address); keep only errors.
    quiet: /^(CLI|Server|UI|Temporal|Metrics|\s*$)/,
  });
  const address = `127.0.0.1:${options.port}`;
  await waitUntilListening(temporal, options.port, 60_000);
  await waitForFrontend(address);
  if (options.uiPort) launcherLog(`Temporal UI: http://127.0.0.1:${options.uiPort}`);
  return { url: address, stop: () => temporal.stop() };
}

// The gRPC port opens before the frontend serves; the system-info call proves it does.
async function waitForFrontend(address: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2_000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
