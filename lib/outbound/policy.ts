import { z } from 'zod';
import { allowlistMatcher, allowlistSchema, type AllowlistMatcher } from './allowlist';
import { blockedRangeOf } from './blocked-ranges';

/** What a request made on a user's behalf may reach beyond the public internet. */
export interface OutboundPolicy {
  /** `OUTBOUND_ALLOW_LOOPBACK`: this machine's own services, for local development. */
  allowLoopback: boolean;
  /** `OUTBOUND_ALLOWED_TARGETS`: opened by the deployment, for every org. */
  deployment: AllowlistMatcher;
  /** The org's own allowlist, which may open only ORG_OPENABLE ranges. */
  org: AllowlistMatcher;
}

// An org admin may open the org's own internal services, but never this machine, its metadata
// service or broadcast ranges: those would reach the platform itself and so every other org.
const ORG_OPENABLE = new Set(['private address', 'link-local address', 'shared (CGNAT) address']);

const deploymentSettings = z.object({
  OUTBOUND_ALLOW_LOOPBACK: z
    .enum(['true', 'false', '1', '0', ''], { error: 'OUTBOUND_ALLOW_LOOPBACK must be true or false' })
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  OUTBOUND_ALLOWED_TARGETS: z
    .string()
    .default('')
    .transform((value) => value.split(',').filter((entry) => entry.trim() !== ''))
    .pipe(allowlistSchema),
});

/** The deployment's settings merged with an org's allowlist. */
export function outboundPolicy(orgAllowlist: readonly string[] = []): OutboundPolicy {
  const parsed = deploymentSettings.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid outbound setting ${issue.path.join('.')}: ${issue.message}`);
  }
  const { OUTBOUND_ALLOW_LOOPBACK, OUTBOUND_ALLOWED_TARGETS } = parsed.data;
  return {
    allowLoopback: OUTBOUND_ALLOW_LOOPBACK,
    deployment: allowlistMatcher(OUTBOUND_ALLOWED_TARGETS),
    org: allowlistMatcher(orgAllowlist),
  };
}

/**
 * The policy of a deployment and org that opened nothing: the public internet only. What the
 * refusal tests hold to, whatever the environment they run in opens (the test platform opens
 * its stand-ins' address for the whole test process).
 */
export function defaultOutboundPolicy(): OutboundPolicy {
  return { allowLoopback: false, deployment: allowlistMatcher([]), org: allowlistMatcher([]) };
}

/** Why the policy refuses to connect to `ip` (which `host` resolved to), or undefined if it may. */
export function refusal(policy: OutboundPolicy, host: string, ip: string): string | undefined {
  const blocked = blockedRangeOf(ip);
  if (!blocked) return undefined;
  const opens = (list: AllowlistMatcher) => list.allowsHost(host) || list.allowsAddress(ip);
  if (opens(policy.deployment)) return undefined;
  if (ORG_OPENABLE.has(blocked) && opens(policy.org)) return undefined;
  if (blocked === 'loopback address' && policy.allowLoopback) return undefined;
  return blocked;
}
