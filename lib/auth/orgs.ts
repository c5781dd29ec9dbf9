import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { db } from '../db/client';
import type { Prisma } from '../db/generated/client';

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

/** A new org with `userId` as its owner, inside the caller's transaction. */
export async function createOrgWithOwner(tx: Prisma.TransactionClient, name: string, userId: string) {
  const org = await tx.org.create({ data: { name, slug: slugFor(name) } });
  await tx.membership.create({ data: { orgId: org.id, userId, role: 'OWNER' } });
  return org;
}

export function createOrg(name: string, userId: string) {
  return db().$transaction((tx) => createOrgWithOwner(tx, name, userId));
}

/** The orgs a user belongs to, oldest membership first. */
export function listUserOrgs(userId: string) {
  return db().membership.findMany({
    where: { userId },
    orderBy: { createdAt: 'asc' },
    select: { role: true, org: { select: { id: true, name: true } } },
  });
}
