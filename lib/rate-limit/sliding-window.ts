import { randomUUID } from 'node:crypto';
import { redis } from '../redis/client';

// One atomic step per request: drop hits older than the window, count what is left, and record
// this hit only if under the limit. Returns 0 when allowed, else ms until the oldest hit expires.
const SLIDING_WINDOW = `
local key, now, window, limit, member = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
if redis.call('ZCARD', key) < limit then
  redis.call('ZADD', key, now, member)
  redis.call('PEXPIRE', key, window)
  return 0
end
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)`;

export interface LimitDecision {
  allowed: boolean;
  retryAfterMs: number;
}

/** Counts a hit against `key`: at most `limit` hits in any `windowMs`. */
export async function hitSlidingWindow(key: string, limit: number, windowMs: number): Promise<LimitDecision> {
  const retryAfterMs = Number(
    await redis().eval(SLIDING_WINDOW, 1, `rate:${key}`, Date.now(), windowMs, limit, randomUUID()),
  );
  return { allowed: retryAfterMs === 0, retryAfterMs };
}
