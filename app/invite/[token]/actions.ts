'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { currentUser } from '@/lib/auth/current-org';
import { unstable_update } from '@/lib/auth/next-auth';
import { acceptInvitation } from '@/lib/members/invitations';
import { originFrom } from '@/lib/auth/request-origin';

export async function acceptInviteAction(form: FormData) {
  const token = String(form.get('token') ?? '');
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`);
  const orgId = await acceptInvitation(token, user, originFrom(await headers()));
  await unstable_update({ activeOrgId: orgId });
  redirect('/');
}
