import { createHash, randomBytes } from 'node:crypto';
import type { OrgContext } from '../auth/current-org';
import { ApiError } from '../api/errors';
import { exchangeAuthorizationCode, OAuth2Refused } from '../connectors/oauth2/token-request';
import { orgOutboundPolicy } from '../outbound/org-allowlist';
import { redis } from '../redis/client';
import { decryptCredential, updateCredential } from './credentials';

/** How long a person has to sign in at the provider and come back. */
const PENDING_TTL_S = 600;
const pendingKey = (state: string) => `oauth2:authorization:${state}`;

/** What the callback must find again: kept server-side under the state, never sent to the browser. */
interface PendingAuthorization {
  orgId: string;
  userId: string;
  credentialId: string;
  codeVerifier: string;
  redirectUri: string;
}

/** Where the provider sends the person back to. */
export const oauth2CallbackUrl = (baseUrl: string) => `${baseUrl}/api/oauth2/callback`;

const base64url = (bytes: Buffer) => bytes.toString('base64url');

async function oauth2Value(orgId: string, credentialId: string) {
  const value = await decryptCredential(orgId, credentialId);
  if (value.type !== 'oauth2') {
    throw new ApiError(400, 'invalid_request', `Credential "${credentialId}" is not an OAuth2 credential`);
  }
  return value;
}

/**
 * Starts connecting an OAuth2 credential (RFC 6749 §4.1 with PKCE, RFC 7636): remembers a
 * one-time state for this person, and answers the provider's authorization URL to send them to.
 */
export async function beginOAuth2Authorization(org: OrgContext, credentialId: string, baseUrl: string) {
  const value = await oauth2Value(org.orgId, credentialId);
  if (!value.authorizationUrl) {
    throw new ApiError(
      400,
      'invalid_request',
      "authorizationUrl: set the provider's authorization URL on the credential before connecting it",
    );
  }
  const state = base64url(randomBytes(32));
  const codeVerifier = base64url(randomBytes(32));
  const redirectUri = oauth2CallbackUrl(baseUrl);
  const pending: PendingAuthorization = {
    orgId: org.orgId,
    userId: org.userId,
    credentialId,
    codeVerifier,
    redirectUri,
  };
  await redis().set(pendingKey(state), JSON.stringify(pending), 'EX', PENDING_TTL_S);
  const url = new URL(value.authorizationUrl);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', value.clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', base64url(createHash('sha256').update(codeVerifier).digest()));
  url.searchParams.set('code_challenge_method', 'S256');
  if (value.scope) url.searchParams.set('scope', value.scope);
  return url;
}

/** Why a connection did not complete, and the credential it was for when that is known. */
export class OAuth2ConnectFailed extends Error {
  constructor(
    message: string,
    readonly credentialId?: string,
  ) {
    super(message);
  }
}

/**
 * Completes a connection when the provider sends the person back: the state must be one this
 * person started and not used before (it is deleted on first sight), then the code is traded
 * for tokens with the PKCE verifier, and the refresh token is sealed into the credential.
 */
export async function completeOAuth2Authorization(org: OrgContext, query: URLSearchParams): Promise<string> {
  const state = query.get('state') ?? '';
  const stored = state ? await redis().getdel(pendingKey(state)) : null;
  const pending = stored ? (JSON.parse(stored) as PendingAuthorization) : null;
  if (!pending || pending.orgId !== org.orgId || pending.userId !== org.userId) {
    throw new OAuth2ConnectFailed('This sign-in with the provider expired or was already used: connect again');
  }
  const { credentialId } = pending;
  const refused = query.get('error');
  if (refused) {
    const description = query.get('error_description');
    throw new OAuth2ConnectFailed(
      `The provider refused the connection: ${refused}${description ? ` (${description})` : ''}`,
      credentialId,
    );
  }
  const code = query.get('code');
  if (!code) throw new OAuth2ConnectFailed('The provider sent no authorization code back', credentialId);
  const value = await oauth2Value(org.orgId, credentialId);
  let tokens;
  try {
    const grant = { code, redirectUri: pending.redirectUri, codeVerifier: pending.codeVerifier };
    tokens = await exchangeAuthorizationCode(value, grant, await orgOutboundPolicy(org.orgId));
  } catch (error) {
    const reason = error instanceof OAuth2Refused ? error.message : `could not reach it: ${(error as Error).message}`;
    throw new OAuth2ConnectFailed(`The token endpoint did not issue tokens: ${reason}`, credentialId);
  }
  if (!tokens.refreshToken) {
    throw new OAuth2ConnectFailed(
      'The provider issued no refresh token, so runs could not get tokens later: ask for offline access in scope (often "offline_access")',
      credentialId,
    );
  }
  // The stored value is parsed again before sealing, which leaves its `type` tag out.
  await updateCredential(org, credentialId, { value: { ...value, refreshToken: tokens.refreshToken } });
  return credentialId;
}
