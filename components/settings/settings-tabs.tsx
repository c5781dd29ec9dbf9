'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';

const tabs = [
  { href: '/settings', label: 'System' },
  { href: '/settings/credentials', label: 'Credentials' },
  { href: '/settings/members', label: 'Members' },
  { href: '/settings/api-keys', label: 'API keys' },
  { href: '/settings/network', label: 'Network' },
  { href: '/settings/retention', label: 'Retention' },
  { href: '/settings/alerts', label: 'Alerts' },
  { href: '/settings/audit', label: 'Audit log' },
] as const;

export function SettingsTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="flex gap-1 border-b border-border px-8">
      {tabs.map((tab) => {
        // A tab owns its sub-pages (a credential's own page), except the root System tab.
        const active = pathname === tab.href || (tab.href !== '/settings' && pathname.startsWith(`${tab.href}/`));
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              '-mb-px border-b-2 px-3 py-2.5 text-sm transition-colors',
              active
                ? 'border-primary font-medium text-foreground'
                : 'border-transparent text-muted-foreground hover:text-foreground',
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
