import type { z } from 'zod';
import { outboundFetch } from '../../outbound/outbound-fetch';
import type { OutboundPolicy } from '../../outbound/policy';
import type { oauth2Credential } from '../credentials/oauth2';

export type OAuth2Value = z.output<typeof oauth2Credential.schema>;

interface TokenSet {
  accessToken: string;
  /** Epoch ms; tokens without expires_in are treated as valid for an hour. */
  expiresAt: number;
  /** Present when the server rotated the refresh token: the old one may no longer work. */
  refreshToken?: string;
}

/** The token endpoint refused (bad client, revoked refresh token): retrying will not help. */
export class OAuth2Refused extends Error {
  override name = 'OAuth2Refused';
}

const DEFAULT_LIFETIME_S = 3600;
const TIMEOUT_MS = 15_000;

/**
 * Asks the token endpoint for an access token (RFC 6749 §6 refresh, or §4.4 client credentials
 * when there is no refresh token).
 */
export function requestToken(value: OAuth2Value, policy: OutboundPolicy): Promise<TokenSet> {
  const form = new URLSearchParams(
    value.refreshToken
      ? { grant_type: 'refresh_token', refresh_token: value.refreshToken }
      : { grant_type: 'client_credentials' },
  );
  if (value.scope) form.set('scope', value.scope);
  return postTokenRequest(value, form, policy);
}

/** Trades an authorization code for tokens (RFC 6749 §4.1.3), proving the PKCE verifier (RFC 7636). */
export function exchangeAuthorizationCode(
  value: OAuth2Value,
  grant: { code: string; redirectUri: string; codeVerifier: string },
  policy: OutboundPolicy,
): Promise<TokenSet> {
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code: grant.code,
    redirect_uri: grant.redirectUri,
    code_verifier: grant.codeVerifier,
  });
  return postTokenRequest(value, form, policy);
}

/**
 * Posts a grant to the token endpoint, authenticating the client with HTTP Basic. Error messages
 * carry the server's error code and description only, never the request.
 */
async function postTokenRequest(value: OAuth2Value, form: URLSearchParams, policy: OutboundPolicy): Promise<TokenSet> {
  const client = `${encodeURIComponent(value.clientId)}:${encodeURIComponent(value.clientSecret)}`;
  const response = await outboundFetch(
    value.tokenUrl,
    {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(client).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: form,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    },
    policy,
  );
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok || typeof body.access_token !== 'string') {
    const reason = [body.error, body.error_description].filter((part) => typeof part === 'string').join(': ');
    const message = `token endpoint answered ${response.status}${reason ? ` (${reason})` : ''}`;
    if (response.status >= 400 && response.status < 500) throw new OAuth2Refused(message);
    throw new Error(message);
  }
  const lifetime =
    typeof body.expires_in === 'number' ? body.expires_in : Number(body.expires_in) || DEFAULT_LIFETIME_S;
  return {
    accessToken: body.access_token,
    expiresAt: Date.now() + lifetime * 1000,
    refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : undefined,
  };
}
