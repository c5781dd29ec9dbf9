import { createHash } from 'node:crypto';
import { requestToken, type OAuth2Value } from './token-request';

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

/**
 * A valid access token for an OAuth2 credential: cached while fresh, else requested once even
 * when many requests need it at the same moment. A rotated refresh token is handed to
 * `saveRotated` before the token is used, so the next refresh does not fail.
 */
export async function accessTokenFor(
  credentialId: string,
  value: OAuth2Value,
  saveRotated: (next: OAuth2Value) => Promise<void>,
): Promise<string> {
  const key = cacheKey(credentialId, value);
  const hit = cached.get(key);
  if (hit && hit.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return hit.accessToken;
  let request = pending.get(key);
  if (!request) {
    request = (async () => {
      const tokens = await requestToken(value);
      const current =
        tokens.refreshToken && tokens.refreshToken !== value.refreshToken
          ? { ...value, refreshToken: tokens.refreshToken }
          : value;
      if (current !== value) await saveRotated(current);
      cached.delete(key);
      cached.set(cacheKey(credentialId, current), { accessToken: tokens.accessToken, expiresAt: tokens.expiresAt });
      return tokens.accessToken;
    })().finally(() => pending.delete(key));
    pending.set(key, request);
  }
  return request;
}
