import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import { GeistSans } from 'geist/font/sans';
import { GeistMono } from 'geist/font/mono';
import { ThemeProvider } from '@/components/theme/theme-provider';
import { AppShell } from '@/components/shell/app-shell';
import { signOutAction, switchOrgAction } from './shell-actions';
import { currentOrg, currentUser } from '@/lib/auth/current-org';
import { listUserOrgs } from '@/lib/auth/orgs';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'FlowOrchestrator', template: '%s · FlowOrchestrator' },
  description: 'Visual workflow automation on Temporal',
  icons: { icon: '/favicon.svg' },
};

// Every page reads the database for the current org.
export const dynamic = 'force-dynamic';

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [user, org] = await Promise.all([currentUser(), currentOrg()]);
  const orgs = user ? await listUserOrgs(user.userId) : [];
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`} suppressHydrationWarning>
      <body className="font-sans antialiased">
        <ThemeProvider nonce={nonce}>
          {user && org ? (
            <AppShell
              user={user}
              activeOrgId={org.orgId}
              orgs={orgs.map((membership) => ({ ...membership.org, role: membership.role }))}
              actions={{ switchOrg: switchOrgAction, signOut: signOutAction }}
            >
              {children}
            </AppShell>
          ) : (
            children
          )}
        </ThemeProvider>
      </body>
    </html>
  );
}
