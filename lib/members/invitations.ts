import { randomBytes } from 'node:crypto';
import { hashToken } from '../auth/token-hash';
import { z } from 'zod';
import { orgDb, scopedDb, withOrgTransaction } from '../db/tenant';
import { isUuid } from '../db/ids';
import { ApiError, notFound } from '../api/errors';
import { recordAudit } from '../audit/record';
import { emailSchema, normalizeEmail } from '../auth/accounts';
import type { OrgContext } from '../auth/current-org';
import { roleSchema } from '../auth/policy';

const INVITATION_DAYS = 7;

export const createInvitationBody = z.object({
  email: emailSchema,
  role: roleSchema,
});

/**
 * Invites an email into the org. The token is returned once, inside the link to send; only its
 * hash is stored, so the link cannot be read back later.
 */
export async function createInvitation(org: OrgContext, body: z.output<typeof createInvitationBody>) {
  if (body.role === 'OWNER' && org.role !== 'OWNER') {
    throw new ApiError(403, 'forbidden', 'role: only an owner may invite another owner');
  }
  const member = await orgDb(org.orgId).membership.findFirst({
    where: { orgId: org.orgId, user: { email: body.email } },
  });
  if (member) throw new ApiError(409, 'already_member', `email: ${body.email} is already a member`);
  const token = randomBytes(32).toString('base64url');
  const invitation = await orgDb(org.orgId).invitation.create({
    data: {
      orgId: org.orgId,
      email: body.email,
      role: body.role,
      tokenHash: hashToken(token),
      invitedById: org.userId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
    },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
  });
  await recordAudit(org, {
    action: 'member.invite',
    targetType: 'invitation',
    targetId: invitation.id,
    data: { email: body.email, role: body.role },
  });
  return { ...invitation, path: `/invite/${token}` };
}

/** Invitations not yet accepted and not expired. */
export function listInvitations(org: OrgContext) {
  return orgDb(org.orgId).invitation.findMany({
    where: { orgId: org.orgId, acceptedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
  });
}

export async function revokeInvitation(org: OrgContext, id: string) {
  if (!isUuid(id)) throw notFound('Invitation');
  const { count } = await orgDb(org.orgId).invitation.deleteMany({ where: { id, orgId: org.orgId, acceptedAt: null } });
  if (count === 0) throw notFound('Invitation');
  await recordAudit(org, { action: 'member.invite_revoke', targetType: 'invitation', targetId: id });
}

/** The invitation behind a link, for the accept page; null when unknown, used or expired. */
export async function findOpenInvitation(token: string) {
  const tokenHash = hashToken(token);
  const invitation = await scopedDb({ invitationTokenHash: tokenHash }).invitation.findUnique({
    where: { tokenHash },
    include: { org: { select: { name: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt <= new Date()) return null;
  return invitation;
}

/**
 * Joins the signed-in user to the invitation's org with its role. The link only works for the
 * email it was sent to, so a forwarded link cannot be used by someone else.
 */
export async function acceptInvitation(
  token: string,
  user: { userId: string; email: string },
  origin?: OrgContext['origin'],
) {
  const invitation = await findOpenInvitation(token);
  if (!invitation) throw new ApiError(404, 'not_found', 'This invitation is unknown, already used or expired');
  if (invitation.email !== normalizeEmail(user.email)) {
    throw new ApiError(403, 'wrong_account', `This invitation is for ${invitation.email}; sign in with that email`);
  }
  await withOrgTransaction(invitation.orgId, async (tx) => {
    // Claimed first, so an invitation withdrawn or used meanwhile admits nobody.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count === 0)
      throw new ApiError(404, 'not_found', 'This invitation is unknown, already used or expired');
    await tx.membership.upsert({
      where: { orgId_userId: { orgId: invitation.orgId, userId: user.userId } },
      update: {},
      create: { orgId: invitation.orgId, userId: user.userId, role: invitation.role },
    });
  });
  await recordAudit(
    {
      orgId: invitation.orgId,
      orgName: invitation.org.name,
      userId: user.userId,
      role: invitation.role,
      actor: { type: 'USER', id: user.userId, label: user.email },
      origin,
    },
    { action: 'member.join', targetType: 'user', targetId: user.userId, data: { role: invitation.role } },
  );
  return invitation.orgId;
}
