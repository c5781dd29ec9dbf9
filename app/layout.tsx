import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { GeistSans } from 'geist/font/sans';
import { GeistMono } from 'geist/font/mono';
import { ThemeProvider } from '@/components/theme/theme-provider';
import { AppShell } from '@/components/shell/app-shell';
import { currentOrg } from '@/lib/auth/current-org';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'FlowOrchestrator', template: '%s · FlowOrchestrator' },
  description: 'Visual workflow automation on Temporal',
};

// Every page reads the database for the current org.
export const dynamic = 'force-dynamic';

export default async function RootLayout({ children }: { children: ReactNode }) {
  const org = await currentOrg();
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`} suppressHydrationWarning>
      <body className="font-sans antialiased">
        <ThemeProvider>
          <AppShell orgName={org.orgName}>{children}</AppShell>
        </ThemeProvider>
      </body>
    </html>
  );
}
