import type { ReactNode } from 'react';
import { ThemeToggle } from '@/components/theme/theme-toggle';
import { SidebarNav } from './sidebar-nav';
import { Logo } from './logo';

export function AppShell({ orgName, children }: { orgName: string; children: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 flex h-screen w-56 shrink-0 flex-col border-r border-border bg-surface px-3 py-4">
        <div className="mb-6 flex items-center gap-2 px-2">
          <Logo />
          <span className="text-sm font-semibold tracking-tight">FlowOrchestrator</span>
        </div>
        <SidebarNav />
        <div className="mt-auto flex items-center justify-between border-t border-border px-2 pt-3">
          <span className="truncate text-xs text-muted-foreground" title="Organization">
            {orgName}
          </span>
          <ThemeToggle />
        </div>
      </aside>
      <main className="min-w-0 flex-1">{children}</main>
    </div>
  );
}
