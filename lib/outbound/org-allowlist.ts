import { z } from 'zod';
import type { OrgContext } from '../auth/current-org';
import { recordAudit } from '../audit/record';
import { orgDb } from '../db/tenant';
import type { Prisma } from '../db/generated/client';
import { allowlistSchema } from './allowlist';
import { outboundPolicy, type OutboundPolicy } from './policy';

export const updateAllowlistBody = z.object({ entries: allowlistSchema });

// Kept in the org's settings JSON, next to whatever else the org configures.
const storedSettings = z.looseObject({ outboundAllowlist: z.array(z.string()).catch([]).default([]) });

async function readSettings(orgId: string) {
  const org = await orgDb(orgId).org.findUnique({ where: { id: orgId }, select: { settings: true } });
  return storedSettings.parse(org?.settings ?? {});
}

export async function readOrgAllowlist(orgId: string): Promise<string[]> {
  return (await readSettings(orgId)).outboundAllowlist;
}

/** Replaces the org's allowlist; audited with the entries before and after. */
export async function updateOrgAllowlist(org: OrgContext, entries: string[]): Promise<string[]> {
  const settings = await readSettings(org.orgId);
  const unique = [...new Set(entries)];
  await orgDb(org.orgId).org.update({
    where: { id: org.orgId },
    data: { settings: { ...settings, outboundAllowlist: unique } as Prisma.InputJsonValue },
  });
  cachedEntries.delete(org.orgId);
  await recordAudit(org, {
    action: 'org.outbound_allowlist.update',
    targetType: 'org',
    targetId: org.orgId,
    data: { before: settings.outboundAllowlist, after: unique },
  });
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
