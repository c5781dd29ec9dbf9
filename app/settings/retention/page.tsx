import type { Metadata } from 'next';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requireOrg } from '@/lib/auth/current-org';
import { isAllowed } from '@/lib/auth/policy';
import { readLastPrune } from '@/lib/retention/last-prune';
import { describePrune } from '@/lib/retention/prune-summary';
import { readOrgRetention } from '@/lib/retention/retention-settings';
import { RetentionForm } from './retention-form';

export const metadata: Metadata = { title: 'Retention' };

export default async function RetentionSettingsPage() {
  const org = await requireOrg();
  const [retention, lastPrune] = await Promise.all([readOrgRetention(org.orgId), readLastPrune(org.orgId)]);
  const canEdit = isAllowed(org.role, 'retention:manage');
  return (
    <Card>
      <CardHeader>
        <CardTitle>Retention</CardTitle>
        <CardDescription>
          Once a day, runs that ended longer ago than the first period are deleted with their steps, outputs and log
          lines, and log lines older than the second period are deleted from runs that are kept. Runs still going are
          never deleted. Each deletion is written to the audit log with its counts.
          {!canEdit && ' Only owners and admins can change these periods.'}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <RetentionForm retention={retention} canEdit={canEdit} />
        <p className="text-sm text-muted-foreground" data-testid="last-prune">
          {lastPrune ? `Last pruned ${describePrune(lastPrune)}.` : 'Nothing has been pruned yet.'}
        </p>
      </CardContent>
    </Card>
  );
}
