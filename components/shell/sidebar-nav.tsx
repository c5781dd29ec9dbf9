'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { navItems } from './nav-items';

function isActive(pathname: string, href: string) {
  // Workflows is the home page and owns /workflows/*.
  if (href === '/') return pathname === '/' || pathname.startsWith('/workflows');
  return pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The main navigation. Its pages are prefetched when a link is pointed at or focused, not when
 * the sidebar appears: on every page load that would be four server renders competing with the
 * page being opened (the editor's and the run page's first render measured it).
 */
export function SidebarNav() {
  const pathname = usePathname();
  const router = useRouter();
  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5">
      {navItems.map(({ href, label, icon: Icon }) => {
        const active = isActive(pathname, href);
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? 'page' : undefined}
            prefetch={false}
            onMouseEnter={() => router.prefetch(href)}
            onFocus={() => router.prefetch(href)}
            className={cn(
              'flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm transition-colors',
              active
                ? 'bg-accent font-medium text-accent-foreground'
                : 'text-muted-foreground hover:bg-muted hover:text-foreground',
            )}
          >
            <Icon className="size-4" aria-hidden />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
