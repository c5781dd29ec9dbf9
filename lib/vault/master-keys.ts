import { z } from 'zod';

export interface MasterKeys {
  /** The version new data keys are wrapped with. */
  current: number;
  byVersion: Map<number, Buffer>;
}

const keyList = z
  .string()
  .min(1, 'VAULT_MASTER_KEYS is not set')
  .transform((text, context) => {
    const byVersion = new Map<number, Buffer>();
    for (const entry of text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)) {
      const match = /^(\d+):([A-Za-z0-9+/=_-]+)$/.exec(entry);
      const key = match ? Buffer.from(match[2], 'base64') : undefined;
      if (!match || key?.length !== 32) {
        context.addIssue({ code: 'custom', message: 'each entry must be <version>:<base64 of 32 random bytes>' });
        return z.NEVER;
      }
      byVersion.set(Number(match[1]), key);
    }
    return byVersion;
  });

/**
 * Master keys from the environment: `VAULT_MASTER_KEYS=1:<base64>,2:<base64>`. Every listed
 * version can unwrap; the newest (or `VAULT_CURRENT_KEY_VERSION`) wraps new data keys, so a
 * rotation adds a version, re-wraps, and drops the old one only afterwards.
 */
export function readMasterKeys(env: Record<string, string | undefined> = process.env): MasterKeys {
  const parsed = keyList.safeParse(env.VAULT_MASTER_KEYS ?? '');
  if (!parsed.success) throw new Error(`VAULT_MASTER_KEYS: ${parsed.error.issues[0].message}`);
  const byVersion = parsed.data;
  const current = env.VAULT_CURRENT_KEY_VERSION ? Number(env.VAULT_CURRENT_KEY_VERSION) : Math.max(...byVersion.keys());
  if (!byVersion.has(current)) throw new Error(`VAULT_CURRENT_KEY_VERSION: no master key has version ${current}`);
  return { current, byVersion };
}
