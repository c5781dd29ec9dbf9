import { createRequire } from 'node:module';
import path from 'node:path';
import { startProcess } from './managed-process';
import { supervise, type SupervisedProcess } from './supervisor';
import { assertPortFree } from './ports';
import { stopStaleProcess } from './stale-processes';
import { mkdir } from 'node:fs/promises';

const require = createRequire(import.meta.url);
export const projectRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const nextBin = () => require.resolve('next/dist/bin/next');

export type WebMode = 'dev' | 'start';

export interface AppOptions {
  mode: WebMode;
  webPort: number;
  collabPort: number;
  /** Where pid files go, so a later start can stop processes a crashed launcher left behind. */
  runDir: string;
  /** The settings every server process reads (lib/config/server-env.ts). */
  env: Record<string, string | undefined>;
  quiet?: boolean;
}

/** `next build`, for `npm start` and the test run. */
export async function buildWeb(env: Record<string, string | undefined>, quiet = false): Promise<void> {
  const build = startProcess({
    name: 'build',
    command: process.execPath,
    args: [nextBin(), 'build'],
    cwd: projectRoot,
    env: { ...env, NEXT_TELEMETRY_DISABLED: '1' },
    silent: quiet,
  });
  const code = await build.exited;
  if (code !== 0) throw new Error(`next build failed (exit code ${code}):\n${build.recentOutput()}`);
}

/** Starts the web server, the Temporal worker and the collab server, each its own supervised process. */
export async function startApps(options: AppOptions): Promise<SupervisedProcess[]> {
  await mkdir(options.runDir, { recursive: true });
  const pidFile = (name: string) => path.join(options.runDir, `${name}.pid`);
  // Each app's output is also kept in the run folder, for reading after the fact.
  const logFile = (name: string) => path.join(options.runDir, `${name}.log`);
  await stopStaleProcess(pidFile('web'), 'next');
  await stopStaleProcess(pidFile('worker'), 'temporal/worker.ts');
  await stopStaleProcess(pidFile('collab'), 'collab-server/server.ts');
  await assertPortFree(options.webPort, 'the web server', 'PORT');
  await assertPortFree(options.collabPort, 'the collab server', 'COLLAB_PORT');
  const env = { ...options.env, NEXT_TELEMETRY_DISABLED: '1' };
  // Names each process's database connections in pg_stat_activity.
  const appName = (name: string) => ({ PGAPPNAME: `floworchestrator-${name}` });
  const tsx = (file: string) => [process.execPath, ['--import', 'tsx', file]] as const;
  const [workerCommand, workerArgs] = tsx('temporal/worker.ts');
  const [collabCommand, collabArgs] = tsx('collab-server/server.ts');
  return [
    supervise({
      name: 'web',
      command: process.execPath,
      args: [nextBin(), options.mode, '--port', String(options.webPort), '--hostname', '127.0.0.1'],
      cwd: projectRoot,
      env: { ...env, ...appName('web'), NODE_ENV: options.mode === 'dev' ? 'development' : 'production' },
      readyWhen: /Ready in|started server on|Local:/,
      pidFile: pidFile('web'),
      logFile: logFile('web'),
      silent: options.quiet,
    }),
    supervise({
      name: 'worker',
      command: workerCommand,
      args: [...workerArgs],
      cwd: projectRoot,
      env: { ...env, ...appName('worker') },
      readyWhen: 'signal',
      pidFile: pidFile('worker'),
      logFile: logFile('worker'),
      silent: options.quiet,
    }),
    supervise({
      name: 'collab',
      command: collabCommand,
      args: [...collabArgs],
      cwd: projectRoot,
      env: { ...env, ...appName('collab'), COLLAB_PORT: String(options.collabPort) },
      readyWhen: 'signal',
      pidFile: pidFile('collab'),
      logFile: logFile('collab'),
      silent: options.quiet,
    }),
  ];
}
