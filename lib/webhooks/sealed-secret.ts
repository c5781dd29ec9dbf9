import type { WebhookEndpoint } from '../db/generated/client';
import type { SealedSecret } from '../vault/envelope';

type SealedColumns = Pick<
  WebhookEndpoint,
  'secretCiphertext' | 'secretIv' | 'secretAuthTag' | 'secretWrappedKey' | 'secretKeyVersion'
>;

/** An endpoint's HMAC secret as the vault sealed it, bound to the endpoint's id; throws when none is set. */
export function sealedWebhookSecretOf(endpoint: SealedColumns): SealedSecret {
  const { secretCiphertext, secretIv, secretAuthTag, secretWrappedKey, secretKeyVersion } = endpoint;
  if (!secretCiphertext || !secretIv || !secretAuthTag || !secretWrappedKey || secretKeyVersion === null) {
    throw new Error('The webhook endpoint has no sealed secret');
  }
  return {
    ciphertext: Buffer.from(secretCiphertext),
    iv: Buffer.from(secretIv),
    authTag: Buffer.from(secretAuthTag),
    wrappedDataKey: Buffer.from(secretWrappedKey),
    keyVersion: secretKeyVersion,
  };
}

/** The columns that hold a sealed secret (Prisma's Bytes fields take plain Uint8Arrays). */
export const sealedColumns = (sealed: SealedSecret) => ({
  secretCiphertext: new Uint8Array(sealed.ciphertext),
  secretIv: new Uint8Array(sealed.iv),
  secretAuthTag: new Uint8Array(sealed.authTag),
  secretWrappedKey: new Uint8Array(sealed.wrappedDataKey),
  secretKeyVersion: sealed.keyVersion,
});
