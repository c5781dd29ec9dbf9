import { NodeFailure } from '../define-node';
import { admitThroughCircuit, recordCircuitOutcome, type CircuitOutcome } from './circuit-breaker';
import { breakerSettings } from './limits';
import { readCredentialLimits } from './read-limits';
import { isProviderFault } from './provider-fault';
import { hitCredentialRateLimit } from './rate-limit';

/**
 * The credential a node's config names: every credentialed node keeps it in `credentialId`, the
 * HTTP node in `auth.credentialId` when its auth is a stored credential.
 */
export function credentialIdOf(config: unknown): string | undefined {
  if (typeof config !== 'object' || config === null) return undefined;
  const { credentialId, auth } = config as {
    credentialId?: unknown;
    auth?: { type?: unknown; credentialId?: unknown };
  };
  if (typeof credentialId === 'string') return credentialId;
  return auth?.type === 'credential' && typeof auth.credentialId === 'string' ? auth.credentialId : undefined;
}

const seconds = (ms: number) => `${Math.ceil(ms / 1000)} s`;

function outcomeOf(error: unknown): CircuitOutcome {
  return isProviderFault(error) ? { kind: 'fault', error: (error as Error).message } : { kind: 'unknown' };
}

/**
 * Runs one attempt of a node that uses a credential through that credential's circuit breaker
 * and rate limit, shared by every worker through Redis. A refused attempt never reaches the
 * provider: it fails retryable, with `retryAfterMs` telling Temporal when to try again, so the
 * wait holds no worker slot. It counts as one of the node's attempts (see README, "Credential
 * rate limits and circuit breakers").
 */
export async function guardCredentialAttempt<T>(orgId: string, config: unknown, attempt: () => Promise<T>): Promise<T> {
  const credentialId = credentialIdOf(config);
  // A missing credential is the node's to report, by the field that names it.
  const credential = credentialId === undefined ? undefined : await readCredentialLimits(orgId, credentialId);
  if (!credential) return attempt();
  const breaker = breakerSettings(credential.limits);
  const admission = await admitThroughCircuit(credential.id, breaker);
  if (!admission.allowed) {
    throw new NodeFailure(
      `Circuit open for credential "${credential.name}": ${admission.failures} consecutive failures, last: ${admission.lastError}; retrying after ${seconds(admission.retryAfterMs)}`,
      {
        type: 'CredentialCircuitOpen',
        retryAfterMs: admission.retryAfterMs,
        details: { credentialId: credential.id, failures: admission.failures, lastError: admission.lastError },
      },
    );
  }
  const { requestsPerMinute } = credential.limits;
  if (requestsPerMinute !== undefined) {
    const limit = await hitCredentialRateLimit(credential.id, requestsPerMinute);
    if (!limit.allowed) {
      if (admission.probe) await recordCircuitOutcome(credential.id, breaker, { kind: 'unknown' });
      throw new NodeFailure(
        `Rate limit of credential "${credential.name}" reached (${requestsPerMinute} requests per minute); retrying after ${seconds(limit.retryAfterMs)}`,
        {
          type: 'CredentialRateLimited',
          retryAfterMs: limit.retryAfterMs,
          details: { credentialId: credential.id, requestsPerMinute },
        },
      );
    }
  }
  let result: T;
  try {
    result = await attempt();
  } catch (error) {
    await recordCircuitOutcome(credential.id, breaker, outcomeOf(error));
    throw error;
  }
  await recordCircuitOutcome(credential.id, breaker, { kind: 'answered' });
  return result;
}
