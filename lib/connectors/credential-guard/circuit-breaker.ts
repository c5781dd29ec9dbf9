import { redis } from '../../redis/client';
import type { BreakerSettings } from './limits';

// A half-open probe whose worker died never reports back: its claim lapses after this long, and
// the next attempt probes instead.
const PROBE_LEASE_MS = 5 * 60_000;
// Counters of a credential nobody uses any more go away on their own.
const STATE_TTL_MS = 24 * 60 * 60_000;
const LAST_ERROR_LIMIT = 300;

const key = (credentialId: string) => `circuit:${credentialId}`;

// One atomic step per attempt. Closed (no openUntil): let it through. Open (before openUntil):
// refuse, with the time left. Half-open (after openUntil): the first attempt claims the probe,
// and the others are refused until the probe reports.
const ADMIT = `
local failures, lastError, openUntil, probeUntil = unpack(redis.call('HMGET', KEYS[1], 'failures', 'lastError', 'openUntil', 'probeUntil'))
local now, cooldown = tonumber(ARGV[1]), tonumber(ARGV[2])
failures, openUntil, probeUntil = tonumber(failures or '0'), tonumber(openUntil or '0'), tonumber(probeUntil or '0')
lastError = lastError or ''
if openUntil == 0 then return { 'closed', 0, failures, lastError } end
if now < openUntil then return { 'open', openUntil - now, failures, lastError } end
if now < probeUntil then return { 'probing', cooldown, failures, lastError } end
redis.call('HSET', KEYS[1], 'probeUntil', now + tonumber(ARGV[3]))
return { 'probe', 0, failures, lastError }`;

// A provider fault counts, and opens the circuit at the threshold (a failed probe is past it, so
// it reopens). The provider answering closes it. An outcome that says nothing of the provider
// only gives up the probe's claim.
const RECORD = `
local outcome = ARGV[1]
if outcome == 'answered' then return redis.call('DEL', KEYS[1]) end
if outcome == 'unknown' then return redis.call('HDEL', KEYS[1], 'probeUntil') end
local now, threshold, cooldown = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
redis.call('HSET', KEYS[1], 'lastError', ARGV[5])
if failures >= threshold then
  redis.call('HSET', KEYS[1], 'openUntil', now + cooldown)
  redis.call('HDEL', KEYS[1], 'probeUntil')
end
redis.call('PEXPIRE', KEYS[1], cooldown + tonumber(ARGV[6]))
return failures`;

export type Admission =
  { allowed: true; probe: boolean } | { allowed: false; retryAfterMs: number; failures: number; lastError: string };

/** Whether an attempt may contact the provider now; a half-open circuit lets one probe through. */
export async function admitThroughCircuit(
  credentialId: string,
  settings: BreakerSettings,
  now = Date.now(),
): Promise<Admission> {
  const [decision, waitMs, failures, lastError] = (await redis().eval(
    ADMIT,
    1,
    key(credentialId),
    now,
    settings.cooldownMs,
    PROBE_LEASE_MS,
  )) as [string, number, number, string];
  if (decision === 'closed' || decision === 'probe') return { allowed: true, probe: decision === 'probe' };
  return { allowed: false, retryAfterMs: Number(waitMs), failures: Number(failures), lastError };
}

/**
 * - `fault`: the provider failed (network, timeout, 5xx, 429);
 * - `answered`: the provider did its part;
 * - `unknown`: the attempt ended without saying (a request it refused, a cancellation, a bug).
 */
export type CircuitOutcome = { kind: 'fault'; error: string } | { kind: 'answered' } | { kind: 'unknown' };

export async function recordCircuitOutcome(
  credentialId: string,
  settings: BreakerSettings,
  outcome: CircuitOutcome,
  now = Date.now(),
): Promise<void> {
  const error = outcome.kind === 'fault' ? outcome.error.slice(0, LAST_ERROR_LIMIT) : '';
  await redis().eval(
    RECORD,
    1,
    key(credentialId),
    outcome.kind,
    now,
    settings.threshold,
    settings.cooldownMs,
    error,
    STATE_TTL_MS,
  );
}

export interface CircuitState {
  state: 'closed' | 'open' | 'half-open';
  consecutiveFailures: number;
  lastError: string | null;
  /** When an open circuit lets a probe through; null unless open. */
  openUntil: string | null;
}

export async function readCircuitState(credentialId: string, now = Date.now()): Promise<CircuitState> {
  const [failures, lastError, openUntil] = await redis().hmget(key(credentialId), 'failures', 'lastError', 'openUntil');
  const until = Number(openUntil ?? 0);
  return {
    state: until === 0 ? 'closed' : now < until ? 'open' : 'half-open',
    consecutiveFailures: Number(failures ?? 0),
    lastError: lastError || null,
    openUntil: until > now ? new Date(until).toISOString() : null,
  };
}

/** Closes the circuit and forgets its failures. */
export async function resetCircuit(credentialId: string): Promise<void> {
  await redis().del(key(credentialId));
}
