'use server';

import { redirect } from 'next/navigation';
import { scopedDb } from '@/lib/db/tenant';
import { currentOrg, currentUser } from '@/lib/auth/current-org';
import { signOut, unstable_update } from '@/lib/auth/next-auth';
import { recordAudit } from '@/lib/audit/record';

/** Makes another of the user's orgs the one every page and API call acts in. */
export async function switchOrgAction(form: FormData) {
  const user = await currentUser();
  if (!user) redirect('/sign-in');
  const orgId = String(form.get('orgId') ?? '');
  const membership = await scopedDb({ userId: user.userId }).membership.findFirst({
    where: { userId: user.userId, orgId },
  });
  // Not a member: stay where you are rather than say whether that org exists.
  if (membership) await unstable_update({ activeOrgId: orgId });
  redirect('/');
}

export async function signOutAction() {
  const org = await currentOrg();
  if (org) await recordAudit(org, { action: 'auth.sign_out', targetType: 'user', targetId: org.userId });
  await signOut({ redirectTo: '/sign-in' });
}
