import type { Metadata } from 'next';
import Link from 'next/link';
import { Play } from 'lucide-react';
import { PageHeader } from '@/components/shell/page-header';
import { EmptyState } from '@/components/shell/empty-state';
import { Card } from '@/components/ui/card';
import { buttonVariants } from '@/components/ui/button';
import { RunStatusBadge } from '@/components/runs/run-status-badge';
import { formatDuration, formatRelativeTime } from '@/components/format';
import { currentOrg } from '@/lib/auth/current-org';
import { listRecentRuns } from '@/lib/runs/runs';

export const metadata: Metadata = { title: 'Runs' };

export default async function RunsPage() {
  const runs = await listRecentRuns(await currentOrg());
  return (
    <>
      <PageHeader title="Runs" description="Every execution of every workflow, newest first." />
      <div className="px-8 py-6">
        {runs.length === 0 ? (
          <EmptyState
            icon={Play}
            title="No runs yet"
            action={
              <Link href="/" className={buttonVariants({ variant: 'secondary' })}>
                Go to workflows
              </Link>
            }
          >
            Runs appear here as soon as a published workflow is started by hand, by a schedule, a webhook or the API.
          </EmptyState>
        ) : (
          <Card className="overflow-hidden">
            <table className="w-full text-sm">
              <thead className="border-b border-border bg-surface-raised text-left text-xs uppercase tracking-wide text-muted-foreground">
                <tr>
                  <th className="px-4 py-2.5 font-medium">Run</th>
                  <th className="px-4 py-2.5 font-medium">Workflow</th>
                  <th className="px-4 py-2.5 font-medium">Status</th>
                  <th className="px-4 py-2.5 font-medium">Trigger</th>
                  <th className="px-4 py-2.5 font-medium">Duration</th>
                  <th className="px-4 py-2.5 font-medium">Started</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {runs.map((run) => (
                  <tr key={run.id}>
                    <td className="px-4 py-3 font-mono text-xs">{run.id.slice(0, 12)}</td>
                    <td className="px-4 py-3">
                      {run.workflow.name} <span className="text-muted-foreground">v{run.version.version}</span>
                    </td>
                    <td className="px-4 py-3">
                      <RunStatusBadge status={run.status} />
                    </td>
                    <td className="px-4 py-3 text-xs text-muted-foreground">{run.trigger.toLowerCase()}</td>
                    <td className="px-4 py-3 font-mono text-xs tabular-nums">{formatDuration(run.durationMs)}</td>
                    <td className="px-4 py-3 text-muted-foreground">{formatRelativeTime(run.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        )}
      </div>
    </>
  );
}
