import { accessSync, constants } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { provisionedBinary, type ProvisionedBinary } from './provisioned-tools';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// `pip install` puts scripts in Python's own scripts folder, which is often not on PATH
// (pyenv, --user installs), so look there too.
function pythonScriptFolders(): string[] {
  const folders: string[] = [];
  for (const scheme of [undefined, 'posix_user']) {
    try {
      const code = scheme
        ? `import sysconfig; print(sysconfig.get_path("scripts", "${scheme}"))`
        : 'import sysconfig; print(sysconfig.get_path("scripts"))';
      const out = execFileSync('python3', ['-c', code], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      folders.push(out.trim());
    } catch {
      // No python3: nothing to add.
    }
  }
  return folders;
}

/** An executable already on this machine: on PATH, or in Python's scripts folders. */
export function findInstalledBinary(name: string): string | undefined {
  const pathFolders = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const folder of [...pathFolders, ...pythonScriptFolders()]) {
    const candidate = path.join(folder, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

// Valkey is a drop-in for Redis: one installed under either name will do.
const INSTALLED_NAMES: Record<ProvisionedBinary, string[]> = {
  'redis-server': ['redis-server', 'valkey-server'],
  temporal: ['temporal'],
};

const ALTERNATIVES: Record<ProvisionedBinary, string> = {
  'redis-server': 'set REDIS_URL to an existing Redis',
  temporal: 'set TEMPORAL_ADDRESS to an existing Temporal cluster',
};

/**
 * The Redis server or Temporal CLI to run: one installed on the machine wins; otherwise the
 * launcher fetches its own into `toolsDir` (provisioned-tools.ts), once.
 */
export async function locateBinary(name: ProvisionedBinary, toolsDir: string): Promise<string> {
  for (const installedName of INSTALLED_NAMES[name]) {
    const installed = findInstalledBinary(installedName);
    if (installed) return installed;
  }
  return provisionedBinary({ toolsDir, binary: name, alternative: ALTERNATIVES[name] });
}
