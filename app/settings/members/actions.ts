'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { requirePermission } from '@/lib/auth/current-org';
import { requestBaseUrl } from '@/lib/auth/request-origin';
import { orgFormAction } from '@/lib/forms/org-form-action';
import { changeMemberRole, changeRoleBody, removeMember } from '@/lib/members/members';
import { createInvitation, createInvitationBody, revokeInvitation } from '@/lib/members/invitations';

export interface InviteState {
  error?: string;
  invited?: { email: string; url: string };
}

export interface MemberActionState {
  error?: string;
}

export async function inviteAction(_previous: InviteState, form: FormData): Promise<InviteState> {
  return orgFormAction('member:manage', async (org) => {
    const body = createInvitationBody.parse({ email: form.get('email'), role: form.get('role') });
    const invitation = await createInvitation(org, body);
    revalidatePath('/settings/members');
    return { invited: { email: invitation.email, url: `${requestBaseUrl(await headers())}${invitation.path}` } };
  });
}

/** Changes a member's role, or removes them; refusals (the last owner, a role not allowed) come back as a message. */
export async function memberAction(_previous: MemberActionState, form: FormData): Promise<MemberActionState> {
  const userId = String(form.get('userId') ?? '');
  return orgFormAction('member:manage', async (org) => {
    if (form.get('intent') === 'remove') await removeMember(org, userId);
    else await changeMemberRole(org, userId, changeRoleBody.parse({ role: form.get('role') }).role);
    revalidatePath('/settings/members');
    return {};
  });
}

export async function revokeInvitationAction(form: FormData) {
  await revokeInvitation(await requirePermission('member:manage'), String(form.get('id')));
  revalidatePath('/settings/members');
}
