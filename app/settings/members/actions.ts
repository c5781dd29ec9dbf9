'use server';

import { firstIssueMessage } from '@/lib/validation/issue-message';
import { headers } from 'next/headers';
import { requestBaseUrl } from '@/lib/auth/request-origin';
import { revalidatePath } from 'next/cache';
import { requirePermission } from '@/lib/auth/current-org';
import { ApiError } from '@/lib/api/errors';
import { changeMemberRole, changeRoleBody, removeMember } from '@/lib/members/members';
import { createInvitation, createInvitationBody, revokeInvitation } from '@/lib/members/invitations';

export interface InviteState {
  error?: string;
  invited?: { email: string; url: string };
}

export interface MemberActionState {
  error?: string;
}

/** Runs a member change, turning refusals (last owner, not allowed) into a message. */
async function attempt(work: () => Promise<unknown>): Promise<MemberActionState> {
  try {
    await work();
    revalidatePath('/settings/members');
    return {};
  } catch (error) {
    if (error instanceof ApiError) return { error: error.message };
    throw error;
  }
}

export async function inviteAction(_previous: InviteState, form: FormData): Promise<InviteState> {
  const parsed = createInvitationBody.safeParse({ email: form.get('email'), role: form.get('role') });
  if (!parsed.success) {
    return { error: firstIssueMessage(parsed.error) };
  }
  let invited: InviteState['invited'];
  const result = await attempt(async () => {
    const invitation = await createInvitation(await requirePermission('member:manage'), parsed.data);
    invited = { email: invitation.email, url: `${requestBaseUrl(await headers())}${invitation.path}` };
  });
  return { ...result, invited };
}

export async function memberAction(_previous: MemberActionState, form: FormData): Promise<MemberActionState> {
  const userId = String(form.get('userId') ?? '');
  if (form.get('intent') === 'remove') {
    return attempt(async () => removeMember(await requirePermission('member:manage'), userId));
  }
  const parsed = changeRoleBody.safeParse({ role: form.get('role') });
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  return attempt(async () => changeMemberRole(await requirePermission('member:manage'), userId, parsed.data.role));
}

export async function revokeInvitationAction(form: FormData) {
  await revokeInvitation(await requirePermission('member:manage'), String(form.get('id')));
  revalidatePath('/settings/members');
}
