import { db } from '../db/client';
import { orgDb } from '../db/tenant';
import { rewrap } from '../vault/envelope';
import { vaultKeyRing } from '../vault/vault-key-ring';
import { sealedWebhookSecretOf } from './sealed-secret';

/**
 * Re-wraps every webhook HMAC secret's data key under the vault's current key, as
 * `rotateCredentialKeys` does for credentials (`npm run vault:rotate` does both), org by org
 * since the app's role sees one org's endpoints at a time. Returns how many were re-wrapped.
 * Bearer secrets are stored as hashes: there is nothing to re-wrap.
 */
export async function rotateWebhookSecretKeys(options: { batchSize?: number } = {}): Promise<number> {
  const ring = vaultKeyRing();
  const batchSize = options.batchSize ?? 100;
  let rotated = 0;
  for (const org of await db().org.findMany({ select: { id: true }, orderBy: { id: 'asc' } })) {
    const endpoints = orgDb(org.id).webhookEndpoint;
    for (;;) {
      const batch = await endpoints.findMany({
        where: { orgId: org.id, secretKind: 'hmac', secretKeyVersion: { not: ring.current } },
        take: batchSize,
        orderBy: { id: 'asc' },
      });
      if (batch.length === 0) break;
      for (const endpoint of batch) {
        const next = await rewrap(ring, endpoint.id, sealedWebhookSecretOf(endpoint));
        // Guarded by the old version: an endpoint changed meanwhile is picked up by the next batch.
        const { count } = await endpoints.updateMany({
          where: { id: endpoint.id, secretKeyVersion: endpoint.secretKeyVersion },
          data: { secretWrappedKey: new Uint8Array(next.wrappedDataKey), secretKeyVersion: next.keyVersion },
        });
        rotated += count;
      }
    }
  }
  return rotated;
}
