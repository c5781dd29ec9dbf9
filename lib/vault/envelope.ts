import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { MasterKeys } from './master-keys';

export interface SealedSecret {
  ciphertext: Buffer;
  iv: Buffer;
  authTag: Buffer;
  /** The data key, encrypted with master key `keyVersion`: iv (12) | tag (16) | key (32). */
  wrappedDataKey: Buffer;
  keyVersion: number;
}

function gcmEncrypt(key: Buffer, plaintext: Buffer, aad: Buffer) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, authTag: cipher.getAuthTag() };
}

function gcmDecrypt(key: Buffer, sealed: { iv: Buffer; ciphertext: Buffer; authTag: Buffer }, aad: Buffer) {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.authTag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
}

const aadFor = (rowId: string, purpose: 'value' | 'key') =>
  Buffer.from(`floworchestrator:credential:${rowId}:${purpose}`);

/**
 * Envelope encryption: a fresh AES-256-GCM data key per secret, itself encrypted with the
 * current master key. Both layers are bound to the row id as additional authenticated data, so
 * a sealed value copied onto another row does not decrypt.
 */
export function seal(keys: MasterKeys, rowId: string, plaintext: string): SealedSecret {
  const dataKey = randomBytes(32);
  const value = gcmEncrypt(dataKey, Buffer.from(plaintext, 'utf8'), aadFor(rowId, 'value'));
  const wrapped = gcmEncrypt(keys.byVersion.get(keys.current)!, dataKey, aadFor(rowId, 'key'));
  dataKey.fill(0);
  return {
    ...value,
    wrappedDataKey: Buffer.concat([wrapped.iv, wrapped.authTag, wrapped.ciphertext]),
    keyVersion: keys.current,
  };
}

function unwrapDataKey(keys: MasterKeys, rowId: string, sealed: Pick<SealedSecret, 'wrappedDataKey' | 'keyVersion'>) {
  const masterKey = keys.byVersion.get(sealed.keyVersion);
  if (!masterKey) throw new Error(`No master key version ${sealed.keyVersion} is configured to unwrap this secret`);
  const wrapped = sealed.wrappedDataKey;
  return gcmDecrypt(
    masterKey,
    { iv: wrapped.subarray(0, 12), authTag: wrapped.subarray(12, 28), ciphertext: wrapped.subarray(28) },
    aadFor(rowId, 'key'),
  );
}

export function open(keys: MasterKeys, rowId: string, sealed: SealedSecret): string {
  const dataKey = unwrapDataKey(keys, rowId, sealed);
  try {
    return gcmDecrypt(dataKey, sealed, aadFor(rowId, 'value')).toString('utf8');
  } finally {
    dataKey.fill(0);
  }
}

/** Re-wraps the data key under the current master key; the sealed value itself is untouched. */
export function rewrap(
  keys: MasterKeys,
  rowId: string,
  sealed: SealedSecret,
): Pick<SealedSecret, 'wrappedDataKey' | 'keyVersion'> {
  const dataKey = unwrapDataKey(keys, rowId, sealed);
  try {
    const wrapped = gcmEncrypt(keys.byVersion.get(keys.current)!, dataKey, aadFor(rowId, 'key'));
    return {
      wrappedDataKey: Buffer.concat([wrapped.iv, wrapped.authTag, wrapped.ciphertext]),
      keyVersion: keys.current,
    };
  } finally {
    dataKey.fill(0);
  }
}
