import { hitSlidingWindow, type LimitDecision } from '../../rate-limit/sliding-window';

const MINUTE_MS = 60_000;

/**
 * Counts one request to a credential's provider against its per-minute limit, across every
 * worker process; a refused request is not counted.
 */
export function hitCredentialRateLimit(credentialId: string, requestsPerMinute: number): Promise<LimitDecision> {
  return hitSlidingWindow(`credential:${credentialId}`, requestsPerMinute, MINUTE_MS);
}
