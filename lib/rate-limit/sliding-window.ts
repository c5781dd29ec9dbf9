import { randomUUID } from 'node:crypto';
import { redis } from '../redis/client';

// One atomic step per request, over every window the request counts against: drop hits older
// than the window, and if each window is under its limit record this hit in all of them.
// Otherwise record nothing and return the 1-based index of the first window at its limit and
// the ms until its oldest hit expires. Returns { 0, 0 } when allowed.
const SLIDING_WINDOWS = `
local now, window, member = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3]
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) >= tonumber(ARGV[3 + i]) then
    local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    return { i, math.max(1, tonumber(oldest[2]) + window - now) }
  end
end
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, member)
  redis.call('PEXPIRE', key, window)
end
return { 0, 0 }`;

export interface LimitDecision {
  allowed: boolean;
  retryAfterMs: number;
}

export interface WindowsDecision extends LimitDecision {
  /** The index in `checks` of the first limit reached; undefined when allowed. */
  refusedBy?: number;
}

/**
 * Counts a hit against several limits in one Redis round trip: at most `limit` hits of each
 * `key` in any `windowMs`. A refused hit counts against none of them.
 */
export async function hitSlidingWindows(
  checks: { key: string; limit: number }[],
  windowMs: number,
): Promise<WindowsDecision> {
  const [refused, retryAfterMs] = (await redis().eval(
    SLIDING_WINDOWS,
    checks.length,
    ...checks.map((check) => `rate:${check.key}`),
    Date.now(),
    windowMs,
    randomUUID(),
    ...checks.map((check) => check.limit),
  )) as [number, number];
  return refused === 0
    ? { allowed: true, retryAfterMs: 0 }
    : { allowed: false, retryAfterMs: Number(retryAfterMs), refusedBy: refused - 1 };
}

/** Counts a hit against `key`: at most `limit` hits in any `windowMs`. */
export async function hitSlidingWindow(key: string, limit: number, windowMs: number): Promise<LimitDecision> {
  const { allowed, retryAfterMs } = await hitSlidingWindows([{ key, limit }], windowMs);
  return { allowed, retryAfterMs };
}
