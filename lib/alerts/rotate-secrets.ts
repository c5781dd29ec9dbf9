import { db } from '../db/client';
import { orgDb } from '../db/tenant';
import { rewrap } from '../vault/envelope';
import { vaultKeyRing } from '../vault/vault-key-ring';
import { sealedSecretOf } from './rule-secret';

/**
 * Re-wraps every alert rule's signing-secret data key under the vault's current key, as
 * `rotateCredentialKeys` does for credentials (and `npm run vault:rotate` does both), org by
 * org since the app's role sees one org's rules at a time. Returns how many were re-wrapped.
 */
export async function rotateAlertSecretKeys(options: { batchSize?: number } = {}): Promise<number> {
  const ring = vaultKeyRing();
  const batchSize = options.batchSize ?? 100;
  let rotated = 0;
  for (const org of await db().org.findMany({ select: { id: true }, orderBy: { id: 'asc' } })) {
    const rules = orgDb(org.id).alertRule;
    for (;;) {
      const batch = await rules.findMany({
        where: { orgId: org.id, secretKeyVersion: { not: ring.current } },
        take: batchSize,
        orderBy: { id: 'asc' },
      });
      if (batch.length === 0) break;
      for (const rule of batch) {
        const next = await rewrap(ring, rule.id, sealedSecretOf(rule));
        // Guarded by the old version: a rule changed meanwhile is picked up by the next batch.
        const { count } = await rules.updateMany({
          where: { id: rule.id, secretKeyVersion: rule.secretKeyVersion },
          data: { secretWrappedKey: new Uint8Array(next.wrappedDataKey), secretKeyVersion: next.keyVersion },
        });
        rotated += count;
      }
    }
  }
  return rotated;
}
