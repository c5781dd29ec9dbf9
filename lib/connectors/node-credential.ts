import { NodeFailure } from './define-node';
import {
  credentialSecrets,
  credentialTypeDefinitions,
  type CredentialType,
  type CredentialValue,
} from './credential-types';
import { CredentialNotFound, readCredential } from '../vault/credentials';

/** "a Postgres connection", "an Anthropic API key". */
const withArticle = (label: string) => `${/^[AEIOU]/i.test(label) ? 'an' : 'a'} ${label}`;

/**
 * Decrypts the credential a node's `credentialId` names, for this attempt only, and declares its
 * secret values to `addSecret` so they are masked in whatever the attempt records. A missing
 * credential, or one of another type (than the one, or one of the types, asked for), fails the node
 * without retrying.
 */
export async function readNodeCredential<T extends CredentialType>(
  run: { orgId: string; runId: string; nodeId: string },
  credentialId: string,
  type: T | readonly T[],
  addSecret: (value: string) => void,
): Promise<Extract<CredentialValue, { type: T }>> {
  let credential: CredentialValue;
  try {
    credential = await readCredential(run.orgId, credentialId, { runId: run.runId, nodeId: run.nodeId });
  } catch (error) {
    if (error instanceof CredentialNotFound) {
      throw new NodeFailure(`credentialId: ${error.message}`, { type: 'CredentialNotFound', nonRetryable: true });
    }
    throw error;
  }
  for (const secret of credentialSecrets(credential)) addSecret(secret);
  const types: readonly CredentialType[] = typeof type === 'string' ? [type] : type;
  if (!types.includes(credential.type)) {
    const expected = withArticle(types.map((name) => credentialTypeDefinitions[name].label).join(' or '));
    throw new NodeFailure(
      `credentialId: the credential is ${withArticle(credentialTypeDefinitions[credential.type].label)}, not ${expected}: choose ${expected} credential`,
      { type: 'CredentialTypeMismatch', nonRetryable: true },
    );
  }
  return credential as Extract<CredentialValue, { type: T }>;
}
