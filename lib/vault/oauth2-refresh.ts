import { withOrgTransaction } from '../db/tenant';
import { requestToken } from '../connectors/oauth2/token-request';
import { orgOutboundPolicy } from '../outbound/org-allowlist';
import type { Refreshed } from '../connectors/oauth2/access-tokens';
import { credentialNotFound, openCredentialRow, sealCredentialValue } from './credentials';

// Waiting for another process's refresh, then a token endpoint that may take its full timeout.
const REFRESH_LIMITS = { maxWait: 10_000, timeout: 45_000 };

/**
 * Trades an OAuth2 credential's stored refresh token for new tokens while holding a lock on the
 * credential: providers that rotate refresh tokens revoke the whole grant when an old one is
 * presented twice, so workers and the web server must never refresh at once. The value is read
 * after the lock is taken (another process may just have rotated it), and a rotated refresh
 * token is stored in the same transaction. Everything uses the transaction's one connection.
 */
export async function refreshOAuth2Credential(orgId: string, credentialId: string): Promise<Refreshed> {
  return withOrgTransaction(
    orgId,
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`oauth2:${credentialId}`}, 0))`;
      const row = await tx.credential.findFirst({ where: { id: credentialId, orgId, type: 'oauth2' } });
      if (!row) throw credentialNotFound(credentialId);
      const value = await openCredentialRow(row);
      if (value.type !== 'oauth2') throw credentialNotFound(credentialId);
      const tokens = await requestToken(value, await orgOutboundPolicy(orgId));
      if (!tokens.refreshToken || tokens.refreshToken === value.refreshToken) {
        return { accessToken: tokens.accessToken, expiresAt: tokens.expiresAt, value };
      }
      const rotated = { ...value, refreshToken: tokens.refreshToken };
      await tx.credential.update({
        where: { id: credentialId },
        data: await sealCredentialValue(credentialId, 'oauth2', rotated),
      });
      return { accessToken: tokens.accessToken, expiresAt: tokens.expiresAt, value: rotated };
    },
    REFRESH_LIMITS,
  );
}
