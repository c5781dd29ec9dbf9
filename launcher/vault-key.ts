import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launcherLog } from './log';

/** A fresh master key list entry: version 1 and 32 random bytes. */
export const newMasterKeyList = () => `1:${randomBytes(32).toString('base64')}`;

/**
 * The vault's master keys for local runs: VAULT_MASTER_KEYS when set, otherwise a key generated
 * once and kept in the data folder (readable by the owner only). Production sets the variable.
 */
export async function localMasterKeys(dataDir: string, configured?: string): Promise<string> {
  if (configured) return configured;
  const file = path.resolve(dataDir, 'vault', 'master-keys');
  if (!existsSync(file)) {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(file, newMasterKeyList(), { mode: 0o600 });
    launcherLog(`Generated a local vault master key in ${file} (set VAULT_MASTER_KEYS in production)`);
  }
  return (await readFile(file, 'utf8')).trim();
}
