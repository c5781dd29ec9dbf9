import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { requireOrg } from '@/lib/auth/current-org';
import { countRunsByStatus } from '@/lib/runs/run-counts';

export const metadata: Metadata = { title: 'Dashboard' };

const DAY_MS = 86_400_000;

export default async function DashboardPage() {
  const counts = await countRunsByStatus(await requireOrg(), DAY_MS);
  const finished = counts.SUCCEEDED + counts.FAILED + counts.CANCELLED;
  const successRate = finished === 0 ? null : Math.round((counts.SUCCEEDED / finished) * 100);
  const tiles = [
    { label: 'Running now', value: counts.RUNNING + counts.QUEUED },
    { label: 'Waiting for approval', value: counts.WAITING },
    { label: 'Succeeded', value: counts.SUCCEEDED },
    { label: 'Failed', value: counts.FAILED },
    { label: 'Success rate', value: successRate === null ? '—' : `${successRate}%` },
  ];
  return (
    <>
      <PageHeader title="Dashboard" description="The last 24 hours across all workflows." />
      <div className="grid grid-cols-2 gap-4 px-8 py-6 lg:grid-cols-5">
        {tiles.map((tile) => (
          <Card key={tile.label}>
            <CardHeader>
              <CardTitle className="font-medium text-muted-foreground">{tile.label}</CardTitle>
            </CardHeader>
            <CardContent>
              <span className="font-mono text-2xl font-semibold tabular-nums">{tile.value}</span>
            </CardContent>
          </Card>
        ))}
      </div>
    </>
  );
}
