import { randomBytes } from 'node:crypto';
import { hashToken } from './token-hash';
import { z } from 'zod';
import { orgDb, scopedDb } from '../db/tenant';
import { isUuid } from '../db/ids';
import { ROLE_RANK, roleSchema } from './policy';
import { ApiError, notFound } from '../api/errors';
import type { OrgContext } from './current-org';
import { recordAudit } from '../audit/record';

const KEY_PATTERN = /^fo_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;
// Writing last-used on every request would make each API call a database write.
const LAST_USED_RESOLUTION_MS = 60_000;

// Who a key stands for, kept in this process for IDENTITY_TTL_MS after it was looked up, by the
// key's hash: a script's burst of calls costs one lookup, not three queries a call. Revoking the
// key or changing its creator's membership through this process forgets it at once; the same
// change made by another process (another web server, SQL) reaches this one within the TTL.
const IDENTITY_TTL_MS = 15_000;
const MAX_CACHED_IDENTITIES = 10_000;

interface CachedIdentity {
  /** Shared by concurrent first calls with the same key: one lookup for all of them. */
  identity: Promise<OrgContext>;
  /** Set once the lookup has answered. */
  resolved?: OrgContext;
  freshUntil: number;
}

const globalForKeys = globalThis as unknown as { apiKeyIdentities?: Map<string, CachedIdentity> };
const identities = (globalForKeys.apiKeyIdentities ??= new Map());

/**
 * Forgets cached identities of keys this change affects: a revoked key, or every key a member
 * created when their role changes or they leave the org.
 */
export function forgetApiKeyIdentities(match: { keyId: string } | { orgId: string; userId: string }) {
  for (const [hash, cached] of identities) {
    const identity = cached.resolved;
    const affected =
      !identity ||
      ('keyId' in match
        ? identity.actor.id === match.keyId
        : identity.orgId === match.orgId && identity.userId === match.userId);
    if (affected) identities.delete(hash);
  }
}

export const createApiKeyBody = z.object({
  name: z.string().trim().min(1, 'Give the key a name').max(100),
  role: roleSchema.default('EDITOR'),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});

export async function createApiKey(org: OrgContext, body: z.output<typeof createApiKeyBody>) {
  // Otherwise one leaked key could mint others that outlive its revocation.
  if (org.actor.type === 'API_KEY') {
    throw new ApiError(403, 'forbidden', 'API keys cannot create API keys; create them signed in');
  }
  if (ROLE_RANK[body.role] > ROLE_RANK[org.role]) {
    throw new ApiError(
      403,
      'forbidden',
      `role: a ${org.role.toLowerCase()} may not create a key with role ${body.role}`,
    );
  }
  if (body.expiresAt && new Date(body.expiresAt) <= new Date()) {
    throw new ApiError(400, 'invalid_request', 'expiresAt: must be in the future');
  }
  const prefix = randomBytes(6)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 8);
  const key = `fo_${prefix}_${randomBytes(32).toString('base64url')}`;
  const row = await orgDb(org.orgId).apiKey.create({
    data: {
      orgId: org.orgId,
      name: body.name,
      prefix,
      keyHash: hashToken(key),
      role: body.role,
      createdById: org.userId,
      expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
    },
    select: { id: true, name: true, prefix: true, role: true, expiresAt: true, createdAt: true },
  });
  await recordAudit(org, {
    action: 'apikey.create',
    targetType: 'api_key',
    targetId: row.id,
    data: { name: body.name, role: body.role },
  });
  // The only time the key itself is returned.
  return { ...row, key };
}

export function listApiKeys(org: OrgContext) {
  return orgDb(org.orgId).apiKey.findMany({
    where: { orgId: org.orgId },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      name: true,
      prefix: true,
      role: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdAt: true,
    },
  });
}

export async function revokeApiKey(org: OrgContext, id: string) {
  if (!isUuid(id)) throw notFound('API key');
  const { count } = await orgDb(org.orgId).apiKey.updateMany({
    where: { id, orgId: org.orgId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound('API key');
  forgetApiKeyIdentities({ keyId: id });
  await recordAudit(org, { action: 'apikey.revoke', targetType: 'api_key', targetId: id });
}

/**
 * The org, role and actor a bearer key stands for; 401 for anything but a live key. Answered
 * from this process's cache when the key was looked up in the last IDENTITY_TTL_MS.
 */
export async function identityFromApiKey(key: string): Promise<OrgContext> {
  if (!KEY_PATTERN.test(key)) throw invalidKey();
  const keyHash = hashToken(key);
  const now = Date.now();
  const cached = identities.get(keyHash);
  if (cached && cached.freshUntil > now) return cached.identity;
  const entry: CachedIdentity = {
    identity: lookUpApiKey(keyHash).then(({ identity, expiresAt }) => {
      entry.resolved = identity;
      // A key that expires within the TTL is not kept past its expiry.
      if (expiresAt) entry.freshUntil = Math.min(entry.freshUntil, expiresAt.getTime());
      return identity;
    }),
    freshUntil: now + IDENTITY_TTL_MS,
  };
  entry.identity.catch(() => {
    // Unknown, revoked and expired keys are looked up again each time: nothing to keep.
    if (identities.get(keyHash) === entry) identities.delete(keyHash);
  });
  identities.set(keyHash, entry);
  if (identities.size > MAX_CACHED_IDENTITIES) identities.delete(identities.keys().next().value!);
  return entry.identity;
}

const invalidKey = () => new ApiError(401, 'invalid_api_key', 'The API key is not valid, was revoked or has expired');

async function lookUpApiKey(keyHash: string): Promise<{ identity: OrgContext; expiresAt: Date | null }> {
  // The org is what this lookup finds out, so it is scoped by the hash only the key's holder knows.
  const row = await scopedDb({ apiKeyHash: keyHash }).apiKey.findUnique({ where: { keyHash }, include: { org: true } });
  const now = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || !row.createdById) throw invalidKey();
  // A key never does more than its creator may do now: a demoted creator's keys are demoted with
  // them, and a creator who left the org takes their keys' access along.
  const creator = await orgDb(row.orgId).membership.findUnique({
    where: { orgId_userId: { orgId: row.orgId, userId: row.createdById } },
    select: { role: true },
  });
  if (!creator) {
    throw new ApiError(401, 'invalid_api_key', "The API key's creator is no longer a member of its organization");
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await orgDb(row.orgId).apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  const identity: OrgContext = {
    orgId: row.orgId,
    orgName: row.org.name,
    userId: row.createdById,
    role: ROLE_RANK[creator.role] < ROLE_RANK[row.role] ? creator.role : row.role,
    actor: { type: 'API_KEY', id: row.id, label: `${row.name} (fo_${row.prefix}_…)` },
  };
  return { identity, expiresAt: row.expiresAt };
}
