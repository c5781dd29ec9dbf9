import { NodeFailure } from '../define-node';
import { CredentialNotFound, readCredential } from '../../vault/credentials';
import type { HttpRequestConfig, ResolvedHttpRequestConfig } from './request-config';

/** Replaces a credential reference with the auth it holds, decrypted for this request only. */
export async function resolveCredentialAuth(
  config: HttpRequestConfig,
  run: { orgId: string; runId: string; nodeId: string },
): Promise<ResolvedHttpRequestConfig> {
  const { auth } = config;
  if (auth.type !== 'credential') return { ...config, auth };
  try {
    const usedBy = { runId: run.runId, nodeId: run.nodeId };
    return { ...config, auth: await readCredential(run.orgId, auth.credentialId, usedBy) };
  } catch (error) {
    if (error instanceof CredentialNotFound) {
      throw new NodeFailure(`auth.credentialId: ${error.message}`, { type: 'CredentialNotFound', nonRetryable: true });
    }
    throw error;
  }
}
