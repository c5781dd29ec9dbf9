import { randomBytes } from 'node:crypto';
import { gcmDecrypt, gcmEncrypt } from './aes-gcm';
import { bindingFor, type KeyRing } from './key-ring';

export interface SealedSecret {
  ciphertext: Buffer;
  iv: Buffer;
  authTag: Buffer;
  /** The data key, wrapped by key version `keyVersion` of the key ring. */
  wrappedDataKey: Buffer;
  keyVersion: number;
}

const valueBinding = (rowId: string) => Buffer.from(bindingFor(rowId, 'value'));

/**
 * Envelope encryption: a fresh AES-256-GCM data key per secret, itself wrapped by the key
 * ring's current key. Both layers are bound to the row id, so a sealed value copied onto
 * another row does not decrypt.
 */
export async function seal(ring: KeyRing, rowId: string, plaintext: string): Promise<SealedSecret> {
  const dataKey = randomBytes(32);
  try {
    const value = gcmEncrypt(dataKey, Buffer.from(plaintext, 'utf8'), valueBinding(rowId));
    return { ...value, wrappedDataKey: await ring.wrap(dataKey, rowId), keyVersion: ring.current };
  } finally {
    dataKey.fill(0);
  }
}

export async function open(ring: KeyRing, rowId: string, sealed: SealedSecret): Promise<string> {
  const dataKey = await ring.unwrap(sealed.wrappedDataKey, sealed.keyVersion, rowId);
  try {
    return gcmDecrypt(dataKey, sealed, valueBinding(rowId)).toString('utf8');
  } finally {
    dataKey.fill(0);
  }
}

/** Re-wraps the data key under the ring's current key; the sealed value itself is untouched. */
export async function rewrap(
  ring: KeyRing,
  rowId: string,
  sealed: SealedSecret,
): Promise<Pick<SealedSecret, 'wrappedDataKey' | 'keyVersion'>> {
  const dataKey = await ring.unwrap(sealed.wrappedDataKey, sealed.keyVersion, rowId);
  try {
    return { wrappedDataKey: await ring.wrap(dataKey, rowId), keyVersion: ring.current };
  } finally {
    dataKey.fill(0);
  }
}
