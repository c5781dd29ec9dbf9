import { NodeFailure } from '../define-node';
import { credentialSecrets, credentialTypeDefinitions } from '../credential-types';
import { CredentialNotFound, readCredential } from '../../vault/credentials';
import { refreshOAuth2Credential } from '../../vault/oauth2-refresh';
import { accessTokenFor, forgetAccessToken } from '../oauth2/access-tokens';
import { OAuth2Refused } from '../oauth2/token-request';
import { findOutboundBlocked } from '../../outbound/outbound-blocked';
import type { HttpRequestConfig, ResolvedHttpRequestConfig } from './request-config';

type ResolvedAuth = ResolvedHttpRequestConfig['auth'];

export interface CredentialAuth {
  config: ResolvedHttpRequestConfig;
  /** The OAuth2 access token the request carries, when its credential is OAuth2. */
  oauth2AccessToken?: string;
}

/**
 * Replaces a credential reference with the auth it holds, decrypted for this request only. Each
 * secret value the credential holds is declared to `addSecret`, to be masked in what is recorded.
 * `refusedToken`, an OAuth2 access token the API answered 401 to, is forgotten first, so a fresh
 * one is obtained.
 */
export async function resolveCredentialAuth(
  config: HttpRequestConfig,
  run: { orgId: string; runId: string; nodeId: string },
  addSecret: (value: string) => void,
  refusedToken?: string,
): Promise<CredentialAuth> {
  const { auth } = config;
  if (auth.type !== 'credential') return { config: { ...config, auth } };
  try {
    const usedBy = { runId: run.runId, nodeId: run.nodeId };
    const credential = await readCredential(run.orgId, auth.credentialId, usedBy);
    for (const secret of credentialSecrets(credential)) addSecret(secret);
    let resolved: ResolvedAuth;
    if (credential.type === 'oauth2') {
      if (refusedToken) forgetAccessToken(auth.credentialId, refusedToken);
      const token = await accessTokenFor(auth.credentialId, credential, () =>
        refreshOAuth2Credential(run.orgId, auth.credentialId),
      );
      return { config: { ...config, auth: { type: 'bearer', token } }, oauth2AccessToken: token };
    } else if (credential.type === 'slackBot') {
      // Slack's Web API takes the bot token as a bearer token: the HTTP node can call any method.
      resolved = { type: 'bearer', token: credential.token };
    } else if (
      credential.type === 'postgres' ||
      credential.type === 'smtp' ||
      credential.type === 'anthropic' ||
      credential.type === 'openai' ||
      credential.type === 'aws'
    ) {
      const label = credentialTypeDefinitions[credential.type].label;
      throw new NodeFailure(`auth.credentialId: a ${label} credential cannot authenticate HTTP requests`, {
        type: 'CredentialTypeMismatch',
        nonRetryable: true,
      });
    } else {
      resolved = credential;
    }
    return { config: { ...config, auth: resolved } };
  } catch (error) {
    if (error instanceof CredentialNotFound) {
      throw new NodeFailure(`auth.credentialId: ${error.message}`, { type: 'CredentialNotFound', nonRetryable: true });
    }
    const blocked = findOutboundBlocked(error);
    if (blocked) {
      throw new NodeFailure(`auth.credentialId: the OAuth2 token request was refused. ${blocked.message}`, {
        type: 'OutboundBlocked',
        nonRetryable: true,
      });
    }
    if (error instanceof OAuth2Refused) {
      throw new NodeFailure(`auth.credentialId: OAuth2 ${error.message}`, {
        type: 'OAuth2Refused',
        nonRetryable: true,
      });
    }
    throw error;
  }
}
