import type { Metadata } from 'next';
import Link from 'next/link';
import { Play } from 'lucide-react';
import { PageHeader } from '@/components/shell/page-header';
import { EmptyState } from '@/components/shell/empty-state';
import { buttonVariants } from '@/components/ui/button';
import { RunStatusBadge } from '@/components/runs/run-status-badge';
import { RunFailureSummary } from '@/components/runs/run-failure-summary';
import { formatDuration, formatRelativeTime } from '@/components/format';
import { requireOrg } from '@/lib/auth/current-org';
import { listRuns } from '@/lib/runs/run-details';
import { listRunsQuery } from '@/lib/runs/schemas';
import { Cell, DataTable } from '@/components/ui/table';

export const metadata: Metadata = { title: 'Runs' };

export default async function RunsPage() {
  const { items: runs } = await listRuns(await requireOrg(), listRunsQuery.parse({}));
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
          <DataTable columns={['Run', 'Workflow', 'Status', 'Trigger', 'Duration', 'Started']}>
            {runs.map((run) => (
              // The run id's link covers the whole row; the failing node's link sits above it.
              <tr key={run.id} className="relative hover:bg-muted/40">
                <Cell className="font-mono text-xs">
                  <Link href={`/runs/${run.id}`} className="after:absolute after:inset-0 hover:underline">
                    {run.id.slice(0, 12)}
                  </Link>
                </Cell>
                <Cell>
                  {run.workflow.name} <span className="text-muted-foreground">v{run.version}</span>
                </Cell>
                <Cell>
                  <RunStatusBadge status={run.status} />
                  {run.status === 'FAILED' && <RunFailureSummary runId={run.id} error={run.error} />}
                </Cell>
                <Cell className="text-xs text-muted-foreground">{run.trigger.toLowerCase()}</Cell>
                <Cell className="font-mono text-xs tabular-nums">{formatDuration(run.durationMs)}</Cell>
                <Cell className="text-muted-foreground">{formatRelativeTime(run.createdAt)}</Cell>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </>
  );
}
