import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { Button } from '@/components/ui/button';
import { currentUser } from '@/lib/auth/current-org';
import { oauthButtons } from '@/lib/auth/oauth-providers';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { SignInForm } from './sign-in-form';
import { oauthSignInAction } from './actions';

export const metadata: Metadata = { title: 'Sign in' };

// Auth.js sends OAuth failures back here with ?error=<code>.
const OAUTH_ERRORS: Record<string, string> = {
  AccessDenied: 'That account could not be used to sign in (its email is missing or not verified).',
  OAuthAccountNotLinked:
    'An account with a password already uses that email. Sign in with the password; an unverified email is never joined to another sign-in.',
};

export default async function SignInPage({ searchParams }: PageProps<'/sign-in'>) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const providers = oauthButtons();
  const error = typeof params.error === 'string' ? (OAUTH_ERRORS[params.error] ?? 'Sign-in failed. Try again.') : null;
  const email = typeof params.email === 'string' ? params.email : undefined;
  return (
    <AuthCard title="Sign in" description="Welcome back. Sign in to your workspace.">
      {error && <p className="mb-4 rounded-md bg-danger/10 p-2.5 text-sm text-danger">{error}</p>}
      <SignInForm callbackUrl={callbackUrl} email={email} />
      {providers.length > 0 && (
        <div className="mt-5 flex flex-col gap-2 border-t border-border pt-5">
          {providers.map((provider) => (
            <form key={provider.id} action={oauthSignInAction}>
              <input type="hidden" name="provider" value={provider.id} />
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <Button type="submit" variant="secondary" className="w-full">
                Continue with {provider.name}
              </Button>
            </form>
          ))}
        </div>
      )}
      <p className="mt-5 text-center text-sm text-muted-foreground">
        No account?{' '}
        <Link
          href={`/sign-up${callbackUrl !== '/' ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ''}`}
          className="font-medium text-foreground underline-offset-4 hover:underline"
        >
          Create one
        </Link>
      </p>
    </AuthCard>
  );
}
