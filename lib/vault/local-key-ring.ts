import { gcmDecrypt, gcmEncrypt } from './aes-gcm';
import { bindingFor, type KeyRing } from './key-ring';
import type { MasterKeys } from './master-keys';

/** Wraps data keys with AES-256-GCM under the master keys from the environment. */
export function localKeyRing(keys: MasterKeys): KeyRing {
  return {
    current: keys.current,
    async wrap(dataKey, rowId) {
      const wrapped = gcmEncrypt(keys.byVersion.get(keys.current)!, dataKey, Buffer.from(bindingFor(rowId, 'key')));
      // Stored as iv (12) | tag (16) | key (32).
      return Buffer.concat([wrapped.iv, wrapped.authTag, wrapped.ciphertext]);
    },
    async unwrap(wrapped, version, rowId) {
      const masterKey = keys.byVersion.get(version);
      if (!masterKey) throw new Error(`No master key version ${version} is configured to unwrap this secret`);
      return gcmDecrypt(
        masterKey,
        { iv: wrapped.subarray(0, 12), authTag: wrapped.subarray(12, 28), ciphertext: wrapped.subarray(28) },
        Buffer.from(bindingFor(rowId, 'key')),
      );
    },
  };
}
