import type { AlertRule } from '../db/generated/client';
import type { SealedSecret } from '../vault/envelope';

type SealedColumns = Pick<
  AlertRule,
  'secretCiphertext' | 'secretIv' | 'secretAuthTag' | 'secretWrappedKey' | 'secretKeyVersion'
>;

/** A rule's signing secret as the vault sealed it (lib/vault/envelope.ts), bound to the rule's id. */
export const sealedSecretOf = (rule: SealedColumns): SealedSecret => ({
  ciphertext: Buffer.from(rule.secretCiphertext),
  iv: Buffer.from(rule.secretIv),
  authTag: Buffer.from(rule.secretAuthTag),
  wrappedDataKey: Buffer.from(rule.secretWrappedKey),
  keyVersion: rule.secretKeyVersion,
});

/** The columns that hold a sealed secret (Prisma's Bytes fields take plain Uint8Arrays). */
export const secretColumns = (sealed: SealedSecret) => ({
  secretCiphertext: new Uint8Array(sealed.ciphertext),
  secretIv: new Uint8Array(sealed.iv),
  secretAuthTag: new Uint8Array(sealed.authTag),
  secretWrappedKey: new Uint8Array(sealed.wrappedDataKey),
  secretKeyVersion: sealed.keyVersion,
});
