'use server';

import { redirect } from 'next/navigation';
import { currentOrg, requireUser } from '@/lib/auth/current-org';
import { signOut, unstable_update } from '@/lib/auth/next-auth';
import { recordAudit } from '@/lib/audit/record';

/** Makes another of the user's orgs the one every page and API call acts in. */
export async function switchOrgAction(form: FormData) {
  await requireUser();
  // The session callback switches only to an org the user is a member of; otherwise nothing
  // changes, which says nothing about whether that org exists.
  await unstable_update({ activeOrgId: String(form.get('orgId') ?? '') });
  redirect('/');
}

export async function signOutAction() {
  const org = await currentOrg();
  if (org) await recordAudit(org, { action: 'auth.sign_out', targetType: 'user', targetId: org.userId });
  await signOut({ redirectTo: '/sign-in' });
}
