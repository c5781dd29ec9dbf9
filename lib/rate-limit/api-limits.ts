import type { OrgContext } from '../auth/current-org';
import { ApiError } from '../api/errors';
import { createLogger } from '../logging/logger';
import { hitSlidingWindows } from './sliding-window';
import { positiveIntSetting } from '../config/positive-int-setting';

const log = createLogger({ component: 'rate-limit' });
const MINUTE_MS = 60_000;

/**
 * Per-org and per-API-key request limits over a sliding minute; a request one limit refuses
 * counts against neither. Redis being away must not take the API down with it, so limits are
 * then skipped (and logged).
 */
export async function enforceApiLimits(org: OrgContext): Promise<void> {
  const checks = [
    { key: `org:${org.orgId}`, limit: positiveIntSetting('RATE_LIMIT_ORG_PER_MINUTE', 1200), what: 'organization' },
  ];
  if (org.actor.type === 'API_KEY') {
    checks.push({
      key: `api-key:${org.actor.id}`,
      limit: positiveIntSetting('RATE_LIMIT_API_KEY_PER_MINUTE', 300),
      what: 'API key',
    });
  }
  let decision;
  try {
    // Both limits in one round trip, on the path of every API request.
    decision = await hitSlidingWindows(checks, MINUTE_MS);
  } catch (error) {
    log.warn('rate limit not checked: Redis unavailable', { error: (error as Error).message });
    return;
  }
  if (decision.refusedBy !== undefined) {
    const check = checks[decision.refusedBy];
    const retryAfterSeconds = Math.ceil(decision.retryAfterMs / 1000);
    throw new ApiError(
      429,
      'rate_limited',
      `Too many requests for this ${check.what}: at most ${check.limit} per minute; retry in ${retryAfterSeconds} s`,
      { limit: check.limit, retryAfterSeconds },
      { 'Retry-After': String(retryAfterSeconds) },
    );
  }
}
