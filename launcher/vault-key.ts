import { randomBytes } from 'node:crypto';
import { localSecret } from './local-secret';

/** A fresh master key list entry: version 1 and 32 random bytes. */
export const newMasterKeyList = () => `1:${randomBytes(32).toString('base64')}`;

/** The vault's master keys: VAULT_MASTER_KEYS when set, otherwise a local key kept in the data folder. */
export async function localMasterKeys(dataDir: string, configured?: string): Promise<string> {
  return configured || localSecret(dataDir, 'vault/master-keys', newMasterKeyList, 'VAULT_MASTER_KEYS');
}
