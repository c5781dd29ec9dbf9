import { db } from '../db/client';
import { orgDb } from '../db/tenant';
import { rewrap } from './envelope';
import { vaultKeyRing } from './vault-key-ring';
import type { KeyRing } from './key-ring';

/**
 * Re-wraps every credential's data key under the current key (a newer master key, or AWS KMS), in small batches, while
 * the platform keeps running: values are never re-encrypted, and each row switches version in
 * one update, so a reader always finds a key version it can unwrap (keep the old master key
 * configured until this returns). Returns how many credentials were re-wrapped.
 *
 * Goes org by org: as the app's database role, a credential is visible only within its org,
 * and a rotation that saw nothing would report success before the old key is dropped.
 */
export async function rotateCredentialKeys(options: { batchSize?: number } = {}): Promise<number> {
  const ring = vaultKeyRing();
  const batchSize = options.batchSize ?? 100;
  let rotated = 0;
  for (const org of await db().org.findMany({ select: { id: true }, orderBy: { id: 'asc' } })) {
    rotated += await rotateOrgCredentials(org.id, ring, batchSize);
  }
  return rotated;
}

async function rotateOrgCredentials(orgId: string, ring: KeyRing, batchSize: number): Promise<number> {
  const credentials = orgDb(orgId).credential;
  let rotated = 0;
  for (;;) {
    const batch = await credentials.findMany({
      where: { orgId, keyVersion: { not: ring.current } },
      take: batchSize,
      orderBy: { id: 'asc' },
    });
    if (batch.length === 0) return rotated;
    for (const row of batch) {
      const next = await rewrap(ring, row.id, {
        ciphertext: Buffer.from(row.ciphertext),
        iv: Buffer.from(row.iv),
        authTag: Buffer.from(row.authTag),
        wrappedDataKey: Buffer.from(row.wrappedDataKey),
        keyVersion: row.keyVersion,
      });
      // Guarded by the old version: a row changed meanwhile is picked up by the next batch.
      const { count } = await credentials.updateMany({
        where: { id: row.id, keyVersion: row.keyVersion },
        data: { wrappedDataKey: new Uint8Array(next.wrappedDataKey), keyVersion: next.keyVersion },
      });
      rotated += count;
    }
  }
}
