'use server';

import { AuthError } from 'next-auth';
import { signIn } from '@/lib/auth/next-auth';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { oauthButtons } from '@/lib/auth/oauth-providers';
import { redirect } from 'next/navigation';

export interface SignInState {
  error?: string;
  email?: string;
}

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get('email') ?? '');
  try {
    await signIn('credentials', {
      email,
      password: String(form.get('password') ?? ''),
      redirectTo: safeCallbackUrl(form.get('callbackUrl')),
    });
    return {};
  } catch (error) {
    // Success ends in a redirect, which Next implements by throwing: let it through.
    if (!(error instanceof AuthError)) throw error;
    const limited = 'code' in error && error.code === 'rate_limited';
    return {
      email,
      error: limited ? 'Too many attempts. Wait a few minutes and try again.' : 'Wrong email or password.',
    };
  }
}

export async function oauthSignInAction(form: FormData) {
  const provider = String(form.get('provider'));
  // Only the OAuth providers offered on the page; anything else goes back to the form.
  if (!oauthButtons().some((button) => button.id === provider)) redirect('/sign-in');
  await signIn(provider, { redirectTo: safeCallbackUrl(form.get('callbackUrl')) });
}
