import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { DASHBOARD_RANGES, type DashboardRange } from '@/lib/dashboard/range';

/** The dashboard's ranges as links: the range lives in the URL (`?range=7d`), so it can be shared. */
export function RangePicker({ current }: { current: DashboardRange }) {
  return (
    <nav aria-label="Time range" className="inline-flex rounded-md border border-border bg-surface p-0.5">
      {(Object.keys(DASHBOARD_RANGES) as DashboardRange[]).map((range) => (
        <Link
          key={range}
          href={`/dashboard?range=${range}`}
          aria-current={range === current ? 'page' : undefined}
          className={cn(
            'rounded px-3 py-1 text-sm text-muted-foreground hover:text-foreground',
            range === current && 'bg-primary text-primary-foreground hover:text-primary-foreground',
          )}
        >
          {DASHBOARD_RANGES[range].label}
        </Link>
      ))}
    </nav>
  );
}
