import { z } from 'zod';

/**
 * What a credential's owner may set to protect its provider, kept in the credential's non-secret
 * `metadata.limits`. Every field is optional: no rate limit, and the breaker's defaults below.
 */
export const credentialLimitsSchema = z
  .object({
    requestsPerMinute: z
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(100_000, 'must be at most 100000')
      .optional(),
    breakerFailures: z
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(100, 'must be at most 100')
      .optional(),
    breakerCooldownSeconds: z
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(86_400, 'must be at most 86400 (a day)')
      .optional(),
  })
  .strict();

export type CredentialLimits = z.infer<typeof credentialLimitsSchema>;

export const BREAKER_DEFAULTS = { failures: 5, cooldownSeconds: 30 } as const;

export interface BreakerSettings {
  /** Consecutive provider failures that open the circuit. */
  threshold: number;
  cooldownMs: number;
}

export function breakerSettings(limits: CredentialLimits): BreakerSettings {
  return {
    threshold: limits.breakerFailures ?? BREAKER_DEFAULTS.failures,
    cooldownMs: (limits.breakerCooldownSeconds ?? BREAKER_DEFAULTS.cooldownSeconds) * 1000,
  };
}

/** The limits stored in a credential's metadata; a row written before limits existed has none. */
export function limitsOf(metadata: unknown): CredentialLimits {
  const parsed = z.object({ limits: credentialLimitsSchema }).safeParse(metadata);
  return parsed.success ? parsed.data.limits : {};
}
