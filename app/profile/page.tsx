import type { Metadata } from 'next';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/shell/page-header';
import { requireUser } from '@/lib/auth/current-org';
import { listUserOrgs } from '@/lib/auth/orgs';
import { CreateOrgForm, PasswordForm, ProfileForm } from './profile-forms';
import { signOutEverywhereAction } from './actions';

export const metadata: Metadata = { title: 'Profile' };

export default async function ProfilePage({ searchParams }: PageProps<'/profile'>) {
  const user = await requireUser();
  const [orgs, params] = await Promise.all([listUserOrgs(user.userId), searchParams]);
  return (
    <>
      <PageHeader title="Profile" description={user.email} />
      <div className="flex max-w-3xl flex-col gap-6 px-8 py-6">
        {'no-org' in params && orgs.length === 0 && (
          <p role="status" className="rounded-md border border-warning/40 bg-warning/10 p-3 text-sm">
            You are not in any organization any more. Create one, or ask a teammate for an invitation.
          </p>
        )}
        <Card>
          <CardHeader>
            <CardTitle>You</CardTitle>
          </CardHeader>
          <CardContent>
            <ProfileForm name={user.name ?? ''} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Password</CardTitle>
          </CardHeader>
          <CardContent>
            <PasswordForm hasPassword={user.hasPassword} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Organizations</CardTitle>
            <CardDescription>Switch between them from the menu at the top of the sidebar.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <ul className="flex flex-col divide-y divide-border text-sm">
              {orgs.map(({ org, role }) => (
                <li key={org.id} className="flex items-center justify-between py-2">
                  <span>{org.name}</span>
                  <Badge>{role.toLowerCase()}</Badge>
                </li>
              ))}
            </ul>
            <CreateOrgForm />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Sessions</CardTitle>
            <CardDescription>Signed in on a computer you no longer use? End every session at once.</CardDescription>
          </CardHeader>
          <CardContent>
            <form action={signOutEverywhereAction}>
              <Button type="submit" variant="secondary">
                Sign out everywhere
              </Button>
            </form>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
