'use server';

import { AuthError } from 'next-auth';
import { signIn } from '@/lib/auth/next-auth';
import { signUp, signUpBody } from '@/lib/auth/accounts';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { ApiError } from '@/lib/api/errors';
import { recordAudit } from '@/lib/audit/record';
import { originFrom } from '@/lib/auth/request-origin';
import { headers } from 'next/headers';

export interface SignUpState {
  /** Messages by field name. */
  errors?: Partial<Record<'name' | 'email' | 'password' | 'form', string>>;
  values?: { name: string; email: string };
}

export async function signUpAction(_previous: SignUpState, form: FormData): Promise<SignUpState> {
  const values = { name: String(form.get('name') ?? ''), email: String(form.get('email') ?? '') };
  const parsed = signUpBody.safeParse({ ...values, password: form.get('password') });
  if (!parsed.success) {
    const errors: SignUpState['errors'] = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as 'name' | 'email' | 'password'] ??= issue.message;
    return { errors, values };
  }
  try {
    const { user, org } = await signUp(parsed.data);
    await recordAudit(
      {
        orgId: org.id,
        orgName: org.name,
        userId: user.id,
        role: 'OWNER',
        actor: { type: 'USER', id: user.id, label: user.email },
        origin: originFrom(await headers()),
      },
      { action: 'auth.sign_up', targetType: 'user', targetId: user.id },
    );
  } catch (error) {
    if (error instanceof ApiError) return { errors: { email: error.message.replace(/^email: /, '') }, values };
    throw error;
  }
  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackUrl(form.get('callbackUrl')),
    });
  } catch (error) {
    if (error instanceof AuthError)
      return { errors: { form: 'Your account was created; sign in to continue.' }, values };
    throw error;
  }
  return {};
}
