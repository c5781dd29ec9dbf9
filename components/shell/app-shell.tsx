import type { ReactNode } from 'react';
import { ThemeToggle } from '@/components/theme/theme-toggle';
import { SidebarNav } from './sidebar-nav';
import { Brand } from './logo';
import { OrgSwitcher, type OrgOption } from './org-switcher';
import { UserMenu } from './user-menu';

interface ShellUser {
  name: string | null;
  email: string;
}

export function AppShell({
  user,
  orgs,
  activeOrgId,
  children,
}: {
  user: ShellUser;
  orgs: OrgOption[];
  activeOrgId: string;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 flex h-screen w-60 shrink-0 flex-col border-r border-border bg-surface px-3 py-4">
        <Brand className="mb-4 px-2" />
        <div className="mb-4">
          <OrgSwitcher orgs={orgs} activeOrgId={activeOrgId} />
        </div>
        <SidebarNav />
        <div className="mt-auto flex items-center justify-between gap-1 border-t border-border pt-3">
          <UserMenu name={user.name} email={user.email} />
          <ThemeToggle />
        </div>
      </aside>
      <main className="min-w-0 flex-1">{children}</main>
    </div>
  );
}
