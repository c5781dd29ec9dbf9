import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launcherLog } from './log';

/**
 * A secret for local runs, generated on first use and kept in the data folder (readable by the
 * owner only) so restarts keep sessions and encrypted data usable. Production sets env vars.
 */
export async function localSecret(
  dataDir: string,
  relativeFile: string,
  generate: () => string,
  envName: string,
): Promise<string> {
  const file = path.resolve(dataDir, relativeFile);
  if (!existsSync(file)) {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(file, generate(), { mode: 0o600 });
    launcherLog(`Generated ${file} (set ${envName} in production)`);
  }
  return (await readFile(file, 'utf8')).trim();
}
