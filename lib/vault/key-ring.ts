/**
 * What wraps data keys. Versions 1+ are master keys from VAULT_MASTER_KEYS; version 0 is AWS
 * KMS. Every version a ring knows can unwrap; `current` wraps new data keys.
 */
export interface KeyRing {
  current: number;
  wrap(dataKey: Buffer, rowId: string): Promise<Buffer>;
  unwrap(wrapped: Buffer, version: number, rowId: string): Promise<Buffer>;
}

export const KMS_KEY_VERSION = 0;

/** Both layers of a sealed secret are bound to its row: this is the binding text. */
export const bindingFor = (rowId: string, purpose: 'value' | 'key') =>
  `floworchestrator:credential:${rowId}:${purpose}`;
