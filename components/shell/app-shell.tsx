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

/** The server actions the shell's controls submit to (components never import app/). */
export interface ShellActions {
  switchOrg: (form: FormData) => Promise<void>;
  signOut: () => Promise<void>;
}

export function AppShell({
  user,
  orgs,
  activeOrgId,
  actions,
  children,
}: {
  user: ShellUser;
  orgs: OrgOption[];
  activeOrgId: string;
  actions: ShellActions;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 flex h-screen w-60 shrink-0 flex-col border-r border-border bg-surface px-3 py-4">
        <Brand className="mb-4 px-2" />
        <div className="mb-4">
          <OrgSwitcher orgs={orgs} activeOrgId={activeOrgId} switchOrg={actions.switchOrg} />
        </div>
        <SidebarNav />
        <div className="mt-auto flex items-center justify-between gap-1 border-t border-border pt-3">
          <UserMenu name={user.name} email={user.email} signOut={actions.signOut} />
          <ThemeToggle />
        </div>
      </aside>
      <main className="min-w-0 flex-1">{children}</main>
    </div>
  );
}
