import { createHash } from 'node:crypto';
import type { OAuth2Value } from './token-request';

// Refresh a minute early, so a token does not expire between being handed out and being used.
const EXPIRY_MARGIN_MS = 60_000;

// Access tokens live in this worker's memory only: they are secrets, and short-lived.
const cached = new Map<string, { accessToken: string; expiresAt: number }>();
const pending = new Map<string, Promise<string>>();

/** Keyed by what the token is derived from, so an edited credential never reuses an old token. */
const cacheKey = (credentialId: string, value: OAuth2Value) =>
  `${credentialId}:${createHash('sha256')
    .update(`${value.tokenUrl}\n${value.clientId}\n${value.refreshToken ?? value.clientSecret}\n${value.scope ?? ''}`)
    .digest('hex')}`;

/** A refresh done for a credential: the tokens, and the credential's value they were made from. */
export interface Refreshed {
  accessToken: string;
  expiresAt: number;
  value: OAuth2Value;
}

/**
 * Forgets an access token the provider refused before its expiry (revoked, or rotated by another
 * client), so the next one for its credential is refreshed.
 */
export function forgetAccessToken(credentialId: string, accessToken: string): void {
  for (const [key, entry] of cached) {
    if (key.startsWith(`${credentialId}:`) && entry.accessToken === accessToken) cached.delete(key);
  }
}

/**
 * A valid access token for an OAuth2 credential: cached while fresh, else obtained through
 * `refresh` once even when many requests of this process need it at the same moment. `refresh`
 * serializes with other processes and stores a rotated refresh token (oauth2-refresh.ts).
 */
export async function accessTokenFor(
  credentialId: string,
  value: OAuth2Value,
  refresh: () => Promise<Refreshed>,
): Promise<string> {
  const key = cacheKey(credentialId, value);
  const hit = cached.get(key);
  if (hit && hit.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return hit.accessToken;
  let request = pending.get(key);
  if (!request) {
    request = (async () => {
      const refreshed = await refresh();
      cached.delete(key);
      cached.set(cacheKey(credentialId, refreshed.value), {
        accessToken: refreshed.accessToken,
        expiresAt: refreshed.expiresAt,
      });
      return refreshed.accessToken;
    })().finally(() => pending.delete(key));
    pending.set(key, request);
  }
  return request;
}
