import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { KMS_KEY_VERSION, bindingFor, type KeyRing } from './key-ring';

/**
 * Wraps data keys with an AWS KMS key (region, endpoint and credentials from the usual AWS_*
 * settings). The encryption context binds each wrapped key to its row, as the local ring's
 * additional data does. It knows only its own version: vault-key-ring.ts combines it with the
 * master keys.
 */
export function kmsKeyRing(keyId: string, client = new KMSClient({})): KeyRing {
  const context = (rowId: string) => ({ binding: bindingFor(rowId, 'key') });
  return {
    current: KMS_KEY_VERSION,
    async wrap(dataKey, rowId) {
      const { CiphertextBlob } = await client.send(
        new EncryptCommand({ KeyId: keyId, Plaintext: dataKey, EncryptionContext: context(rowId) }),
      );
      if (!CiphertextBlob) throw new Error('AWS KMS returned no ciphertext');
      return Buffer.from(CiphertextBlob);
    },
    async unwrap(wrapped, version, rowId) {
      if (version !== KMS_KEY_VERSION) throw new Error(`Key version ${version} is not AWS KMS's`);
      const { Plaintext } = await client.send(
        new DecryptCommand({ KeyId: keyId, CiphertextBlob: wrapped, EncryptionContext: context(rowId) }),
      );
      if (!Plaintext) throw new Error('AWS KMS returned no plaintext');
      return Buffer.from(Plaintext);
    },
  };
}
