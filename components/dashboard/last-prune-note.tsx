import Link from 'next/link';
import type { LastPrune } from '@/lib/retention/last-prune';
import { describePrune } from '@/lib/retention/prune-summary';

/** One line under the dashboard: what retention last deleted, so runs gone from the charts are explained. */
export function LastPruneNote({ lastPrune }: { lastPrune: LastPrune | null }) {
  return (
    <p className="text-xs text-muted-foreground lg:col-span-2" data-testid="last-prune">
      {lastPrune ? `Retention last pruned ${describePrune(lastPrune)}.` : 'Retention has not pruned anything yet.'}{' '}
      <Link href="/settings/retention" className="underline underline-offset-2 hover:text-foreground">
        Retention settings
      </Link>
    </p>
  );
}
