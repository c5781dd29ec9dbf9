import { KMS_KEY_VERSION, type KeyRing } from './key-ring';
import { kmsKeyRing } from './kms-key-ring';
import { localKeyRing } from './local-key-ring';
import { readMasterKeys } from './master-keys';

let cached: { signature: string; ring: KeyRing } | undefined;

/**
 * The vault's key ring from the environment. With VAULT_KMS_KEY_ID, AWS KMS wraps new data keys
 * and the VAULT_MASTER_KEYS versions (if any) stay readable, so `npm run vault:rotate` can move
 * rows over; VAULT_CURRENT_KEY_VERSION picks the wrapping key explicitly (0 is KMS), which also
 * moves rows back off KMS. Without VAULT_KMS_KEY_ID, the master keys alone.
 */
export function vaultKeyRing(env: Record<string, string | undefined> = process.env): KeyRing {
  const signature = [env.VAULT_KMS_KEY_ID, env.VAULT_MASTER_KEYS, env.VAULT_CURRENT_KEY_VERSION].join('|');
  if (cached?.signature !== signature) cached = { signature, ring: buildRing(env) };
  return cached.ring;
}

function buildRing(env: Record<string, string | undefined>): KeyRing {
  if (!env.VAULT_KMS_KEY_ID) return localKeyRing(readMasterKeys(env));
  const kms = kmsKeyRing(env.VAULT_KMS_KEY_ID);
  if (!env.VAULT_MASTER_KEYS) return kms;
  const wantsKms = (env.VAULT_CURRENT_KEY_VERSION ?? String(KMS_KEY_VERSION)) === String(KMS_KEY_VERSION);
  const local = localKeyRing(readMasterKeys(wantsKms ? { ...env, VAULT_CURRENT_KEY_VERSION: undefined } : env));
  const writer = wantsKms ? kms : local;
  return {
    current: writer.current,
    wrap: (dataKey, rowId) => writer.wrap(dataKey, rowId),
    unwrap: (wrapped, version, rowId) => (version === KMS_KEY_VERSION ? kms : local).unwrap(wrapped, version, rowId),
  };
}
