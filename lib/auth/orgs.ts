import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { cache } from 'react';
import type { Prisma } from '../db/generated/client';
import { scopedDb, withOrgTransaction } from '../db/tenant';

export const orgNameSchema = z.string().trim().min(1, 'Give the organization a name').max(100);

function slugFor(name: string): string {
  const base = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${base || 'org'}-${randomBytes(3).toString('hex')}`;
}

/**
 * Runs `work` in a transaction scoped to an org that does not exist yet: its id is chosen up
 * front so row-level security lets the work create the org's first rows.
 */
export function withNewOrg<T>(work: (tx: Prisma.TransactionClient, orgId: string) => Promise<T>): Promise<T> {
  const orgId = randomUUID();
  return withOrgTransaction(orgId, (tx) => work(tx, orgId));
}

/** A new org (with the id `withNewOrg` chose) and `userId` as its owner. */
export async function createOrgWithOwner(tx: Prisma.TransactionClient, orgId: string, name: string, userId: string) {
  const org = await tx.org.create({ data: { id: orgId, name, slug: slugFor(name) } });
  await tx.membership.create({ data: { orgId: org.id, userId, role: 'OWNER' } });
  return org;
}

export function createOrg(name: string, userId: string) {
  return withNewOrg((tx, orgId) => createOrgWithOwner(tx, orgId, name, userId));
}

/** The orgs a user belongs to, oldest membership first; read once per request. */
export const listUserOrgs = cache((userId: string) =>
  scopedDb({ userId }).membership.findMany({
    where: { userId },
    orderBy: { createdAt: 'asc' },
    select: { role: true, org: { select: { id: true, name: true } } },
  }),
);
