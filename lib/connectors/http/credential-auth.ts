import { NodeFailure } from '../define-node';
import { CredentialNotFound, readCredential } from '../../vault/credentials';
import type { HttpRequestConfig, ResolvedHttpRequestConfig } from './request-config';

/** Replaces a credential reference with the auth it holds, decrypted for this request only. */
export async function resolveCredentialAuth(
  config: HttpRequestConfig,
  orgId: string,
): Promise<ResolvedHttpRequestConfig> {
  const { auth } = config;
  if (auth.type !== 'credential') return { ...config, auth };
  try {
    return { ...config, auth: await readCredential(orgId, auth.credentialId) };
  } catch (error) {
    if (error instanceof CredentialNotFound) {
      throw new NodeFailure(`auth.credentialId: ${error.message}`, { type: 'CredentialNotFound', nonRetryable: true });
    }
    throw error;
  }
}
