'use server';

import { firstIssueMessage } from '@/lib/validation/issue-message';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { currentOrg, requireUser } from '@/lib/auth/current-org';
import { changePassword, changePasswordBody, profileBody, updateProfile } from '@/lib/auth/profile';
import { createOrg, orgNameSchema } from '@/lib/auth/orgs';
import { signOut, unstable_update } from '@/lib/auth/next-auth';
import { endUserSessions } from '@/lib/auth/sessions';
import { recordAudit } from '@/lib/audit/record';
import { ApiError } from '@/lib/api/errors';

export interface FormState {
  error?: string;
  saved?: string;
}

export async function saveProfileAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = profileBody.safeParse({ name: form.get('name') });
  if (!parsed.success) return { error: firstIssueMessage(parsed.error) };
  await updateProfile(user.userId, parsed.data);
  revalidatePath('/', 'layout');
  return { saved: 'Saved.' };
}

export async function changePasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = changePasswordBody.safeParse({
    currentPassword: form.get('currentPassword') ?? '',
    newPassword: form.get('newPassword'),
  });
  if (!parsed.success) return { error: firstIssueMessage(parsed.error) };
  try {
    await changePassword(user.userId, parsed.data);
  } catch (error) {
    if (error instanceof ApiError) return { error: error.message };
    throw error;
  }
  const org = await currentOrg();
  if (org) await recordAudit(org, { action: 'user.password_change', targetType: 'user', targetId: user.userId });
  // Every session ended with the old password, this one too: sign in again with the new one.
  await signOut({ redirectTo: '/sign-in' });
  return {};
}

export async function createOrgAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = orgNameSchema.safeParse(form.get('name'));
  if (!parsed.success) return { error: firstIssueMessage(parsed.error, 'name') };
  const org = await createOrg(parsed.data, user.userId);
  await unstable_update({ activeOrgId: org.id });
  redirect('/');
}

export async function signOutEverywhereAction() {
  const user = await requireUser();
  await endUserSessions(user.userId);
  await signOut({ redirectTo: '/sign-in' });
}
