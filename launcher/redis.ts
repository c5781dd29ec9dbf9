import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { locateBinary } from './binaries';
import { assertPortFree } from './ports';
import { stopStaleProcess } from './stale-processes';
import { startProcess, waitUntilListening } from './managed-process';
import type { RunningService } from './postgres';

/** Starts redis-server (or Valkey) on loopback with its data (RDB + AOF) kept in dataDir. */
export async function startRedis(options: {
  dataDir: string;
  toolsDir: string;
  port: number;
  quiet?: boolean;
}): Promise<RunningService> {
  const binary = await locateBinary('redis-server', options.toolsDir);
  const dir = path.resolve(options.dataDir);
  await mkdir(dir, { recursive: true });
  const pidFile = path.join(dir, 'launcher.pid');
  await stopStaleProcess(pidFile, path.basename(binary));
  await assertPortFree(options.port, 'Redis', 'REDIS_PORT');
  const redis = startProcess({
    name: 'redis',
    command: binary,
    args: [
      '--port',
      String(options.port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--save',
      '60 1',
      '--daemonize',
      'no',
      '--loglevel',
      'warning',
    ],
    pidFile,
    silent: options.quiet,
    // The start-up banner and a warning about vm.overcommit_memory are noise on a dev machine.
    quiet: /oO0OoO0OoO0Oo|(Redis|Valkey) version=|Configuration loaded|Server initialized|overcommit/,
  });
  await waitUntilListening(redis, options.port, 30_000);
  return { url: `redis://127.0.0.1:${options.port}`, stop: () => redis.stop() };
}
