import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { Button, buttonVariants } from '@/components/ui/button';
import { currentUser } from '@/lib/auth/current-org';
import { findOpenInvitation } from '@/lib/members/invitations';
import { signOutAction } from '@/app/shell-actions';
import { acceptInviteAction } from './actions';

export const metadata: Metadata = { title: 'Invitation' };

export default async function InvitePage({ params }: PageProps<'/invite/[token]'>) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([findOpenInvitation(token), currentUser()]);
  if (!invitation) {
    return (
      <AuthCard title="Invitation not valid" description="This link is unknown, was already used, or has expired.">
        <p className="text-sm text-muted-foreground">Ask whoever invited you for a new link.</p>
      </AuthCard>
    );
  }
  const here = `/invite/${token}`;
  const role = invitation.role.toLowerCase();
  const description = (
    <>
      You are invited to join <strong className="text-foreground">{invitation.org.name}</strong> as{' '}
      {role === 'admin' ? 'an' : 'a'} {role}.
    </>
  );
  if (!user) {
    const query = `email=${encodeURIComponent(invitation.email)}&callbackUrl=${encodeURIComponent(here)}`;
    return (
      <AuthCard title="Join your team" description={description}>
        <div className="flex flex-col gap-2">
          <Link href={`/sign-up?${query}`} className={buttonVariants()}>
            Create an account for {invitation.email}
          </Link>
          <Link href={`/sign-in?${query}`} className={buttonVariants({ variant: 'secondary' })}>
            I already have an account
          </Link>
        </div>
      </AuthCard>
    );
  }
  if (user.email !== invitation.email) {
    return (
      <AuthCard title="Wrong account" description={description}>
        <p className="mb-4 text-sm text-muted-foreground">
          This invitation is for {invitation.email}, but you are signed in as {user.email}.
        </p>
        <form action={signOutAction}>
          <Button type="submit" variant="secondary" className="w-full">
            Sign out
          </Button>
        </form>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Join your team" description={description}>
      <form action={acceptInviteAction}>
        <input type="hidden" name="token" value={token} />
        <Button type="submit" className="w-full">
          Join {invitation.org.name}
        </Button>
      </form>
    </AuthCard>
  );
}
