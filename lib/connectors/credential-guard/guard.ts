import { NodeFailure } from '../define-node';
import { admitThroughCircuit, recordCircuitOutcome, type CircuitOutcome } from './circuit-breaker';
import { breakerSettings } from './limits';
import { readCredentialLimits } from './read-limits';
import { isProviderFault } from './provider-fault';
import { hitCredentialRateLimit } from './rate-limit';
import { abortableDelay } from '../abortable-delay';

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
// A rate-limit wait must leave the attempt this long to make its request.
const WAIT_MARGIN_MS = 5_000;

/** What an attempt allows a rate-limit wait: its time left, and its cancellation. */
export interface AttemptBudget {
  remainingMs: () => number;
  signal: AbortSignal;
}

/**
 * Takes a slot of the credential's per-minute limit, waiting within the attempt for one to free
 * (a throttled node is slowed, not failed); the refusal when the wait would outlast the attempt.
 */
async function takeRateLimitSlot(credentialId: string, requestsPerMinute: number, budget: AttemptBudget) {
  for (;;) {
    const limit = await hitCredentialRateLimit(credentialId, requestsPerMinute);
    if (limit.allowed) return limit;
    if (limit.retryAfterMs + WAIT_MARGIN_MS > budget.remainingMs()) return limit;
    await abortableDelay(limit.retryAfterMs, budget.signal);
  }
}

function outcomeOf(error: unknown): CircuitOutcome {
  return isProviderFault(error) ? { kind: 'fault', error: (error as Error).message } : { kind: 'unknown' };
}

/**
 * Runs one attempt of a node that uses a credential through that credential's circuit breaker
 * and rate limit, shared by every worker through Redis. Past the rate limit, the attempt waits
 * for a slot while its own time allows. Otherwise a refused attempt never reaches the provider:
 * it fails retryable, with `retryAfterMs` telling Temporal when to try again, so the wait holds
 * no worker slot, and counts as one of the node's attempts (see README, "Credential rate limits
 * and circuit breakers").
 */
export async function guardCredentialAttempt<T>(
  orgId: string,
  config: unknown,
  budget: AttemptBudget,
  attempt: () => Promise<T>,
): Promise<T> {
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
    const limit = await takeRateLimitSlot(credential.id, requestsPerMinute, budget);
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
