import { z } from 'zod';
import { orgDb, withOrgTransaction } from '../db/tenant';
import type { Prisma } from '../db/generated/client';
import { isUuid } from '../db/ids';
import type { Role } from '../db/generated/enums';
import { ApiError, notFound } from '../api/errors';
import { recordAudit } from '../audit/record';
import { forgetApiKeyIdentities } from '../auth/api-keys';
import type { OrgContext } from '../auth/current-org';
import { roleSchema } from '../auth/policy';

export const changeRoleBody = z.object({
  role: roleSchema,
});

export function listMembers(org: OrgContext) {
  return orgDb(org.orgId).membership.findMany({
    where: { orgId: org.orgId },
    orderBy: { createdAt: 'asc' },
    select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });
}

async function findMembership(org: OrgContext, userId: string) {
  const membership = isUuid(userId)
    ? await orgDb(org.orgId).membership.findUnique({ where: { orgId_userId: { orgId: org.orgId, userId } } })
    : null;
  if (!membership) throw notFound('Member');
  return membership;
}

/**
 * Owners are the only ones who may make or unmake owners, and an org always keeps one. The
 * owners' rows stay locked until the change commits, so two owners demoting each other at the
 * same moment cannot leave the org with none.
 */
async function guardOwnership(tx: Prisma.TransactionClient, org: OrgContext, current: Role, next: Role | null) {
  const touchesOwner = current === 'OWNER' || next === 'OWNER';
  if (touchesOwner && org.role !== 'OWNER') {
    throw new ApiError(403, 'forbidden', 'Only an owner may grant or take away the owner role');
  }
  if (current === 'OWNER' && next !== 'OWNER') {
    const owners = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM memberships WHERE org_id = ${org.orgId}::uuid AND role = 'OWNER' FOR UPDATE`;
    if (owners.length <= 1) throw new ApiError(409, 'last_owner', 'The organization must keep at least one owner');
  }
}

export async function changeMemberRole(org: OrgContext, userId: string, role: Role) {
  const membership = await findMembership(org, userId);
  await withOrgTransaction(org.orgId, async (tx) => {
    await guardOwnership(tx, org, membership.role, role);
    await tx.membership.update({ where: { id: membership.id }, data: { role } });
  });
  // Their keys act with at most their role: a cached identity would keep the old one.
  forgetApiKeyIdentities({ orgId: org.orgId, userId });
  await recordAudit(org, {
    action: 'member.role_change',
    targetType: 'user',
    targetId: userId,
    data: { from: membership.role, to: role },
  });
}

export async function removeMember(org: OrgContext, userId: string) {
  const membership = await findMembership(org, userId);
  await withOrgTransaction(org.orgId, async (tx) => {
    await guardOwnership(tx, org, membership.role, null);
    await tx.membership.delete({ where: { id: membership.id } });
  });
  forgetApiKeyIdentities({ orgId: org.orgId, userId });
  await recordAudit(org, {
    action: 'member.remove',
    targetType: 'user',
    targetId: userId,
    data: { role: membership.role },
  });
}
