import { z } from 'zod';
import type { OrgContext } from '../auth/current-org';
import { orgSetting } from '../orgs/org-setting';
import { allowlistSchema } from './allowlist';
import { outboundPolicy, type OutboundPolicy } from './policy';

export const updateAllowlistBody = z.object({ entries: allowlistSchema });

const allowlist = orgSetting({
  key: 'outboundAllowlist',
  schema: z.array(z.string()),
  fallback: [] as string[],
  auditAction: 'org.outbound_allowlist.update',
});

export const readOrgAllowlist = (orgId: string): Promise<string[]> => allowlist.read(orgId);

/** Replaces the org's allowlist; audited with the entries before and after. */
export async function updateOrgAllowlist(org: OrgContext, entries: string[]): Promise<string[]> {
  const unique = await allowlist.update(org, [...new Set(entries)]);
  cachedEntries.delete(org.orgId);
  return unique;
}

// Read for every outbound request; a change reaches other processes within this long.
const ENTRIES_TTL_MS = 5_000;
const cachedEntries = new Map<string, { entries: string[]; readAt: number }>();
// One policy object per distinct allowlist, so its connection pool is reused (outbound-fetch.ts).
const policies = new Map<string, OutboundPolicy>();

/** The policy for requests made on behalf of one org: the deployment's settings plus its allowlist. */
export async function orgOutboundPolicy(orgId: string): Promise<OutboundPolicy> {
  let cached = cachedEntries.get(orgId);
  if (!cached || Date.now() - cached.readAt > ENTRIES_TTL_MS) {
    cached = { entries: await readOrgAllowlist(orgId), readAt: Date.now() };
    cachedEntries.set(orgId, cached);
  }
  const key = cached.entries.join(',');
  let policy = policies.get(key);
  if (!policy) {
    policy = outboundPolicy(cached.entries);
    policies.set(key, policy);
  }
  return policy;
}
