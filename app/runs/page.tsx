import type { Metadata } from 'next';
import Link from 'next/link';
import { Play } from 'lucide-react';
import { PageHeader } from '@/components/shell/page-header';
import { EmptyState } from '@/components/shell/empty-state';
import { buttonVariants } from '@/components/ui/button';
import { RunStatusBadge } from '@/components/runs/run-status-badge';
import { RunFailureSummary } from '@/components/runs/run-failure-summary';
import { RunsFilters } from '@/components/runs/runs-filters';
import { RunsLiveRefresh } from '@/components/runs/runs-live-refresh';
import { formatDuration, formatRelativeTime } from '@/components/format';
import { requireOrg } from '@/lib/auth/current-org';
import { listRuns } from '@/lib/runs/run-details';
import { RUN_RANGES, runsPageQuery, type ListRunsQuery, type RunsPageQuery } from '@/lib/runs/schemas';
import { listWorkflows } from '@/lib/workflows/workflows';
import { Cell, DataTable } from '@/components/ui/table';

export const metadata: Metadata = { title: 'Runs' };

type SearchParams = Record<string, string | string[] | undefined>;

/** The URL's filters as given: the last value of each, empty ones left out (an unset form field). */
function givenFilters(params: SearchParams): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).flatMap(([name, value]) => {
      const last = Array.isArray(value) ? value.at(-1) : value;
      return last ? [[name, last]] : [];
    }),
  );
}

/** The list query of the page's URL: a preset range counts back from now, in place of `from`. */
function listQuery({ range, ...query }: RunsPageQuery): ListRunsQuery {
  return range ? { ...query, from: new Date(Date.now() - RUN_RANGES[range]).toISOString() } : query;
}

export default async function RunsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const org = await requireOrg();
  const given = givenFilters(await searchParams);
  const parsed = runsPageQuery.safeParse(given);
  const [workflows, page] = await Promise.all([
    listWorkflows(org, { limit: 200 }),
    parsed.success ? listRuns(org, listQuery(parsed.data)) : null,
  ]);
  const runs = page?.items ?? [];
  const filtered = Object.keys(given).some((name) => name !== 'cursor');
  const olderHref = page?.nextCursor && `/runs?${new URLSearchParams({ ...given, cursor: page.nextCursor })}`;
  const { cursor, ...withoutCursor } = given;
  return (
    <>
      <PageHeader
        title="Runs"
        description="Every execution of every workflow, newest first."
        actions={<RunsLiveRefresh shownRunIds={runs.map((run) => run.id)} firstPage={!cursor} />}
      />
      <div className="space-y-4 px-8 py-6">
        <RunsFilters values={given} workflows={workflows} />
        {!parsed.success ? (
          <p role="alert" data-testid="runs-filter-error" className="text-sm text-danger">
            {parsed.error.issues[0].path.join('.')}: {parsed.error.issues[0].message}
          </p>
        ) : runs.length === 0 && !filtered && !cursor ? (
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
          <DataTable
            columns={['Run', 'Workflow', 'Status', 'Trigger', 'Started by', 'Duration', 'Started']}
            isEmpty={runs.length === 0}
            empty="No runs match these filters."
          >
            {runs.map((run) => (
              // The run id's link covers the whole row; the failing node's link sits above it.
              <tr key={run.id} className="relative hover:bg-muted/40" data-testid="run-row" data-run-id={run.id}>
                <Cell className="font-mono text-xs">
                  <Link href={`/runs/${run.id}`} className="after:absolute after:inset-0 hover:underline">
                    {run.id.slice(0, 12)}
                  </Link>
                </Cell>
                <Cell>
                  {run.workflow.name}{' '}
                  <span className="text-muted-foreground">{run.version === null ? 'draft' : `v${run.version}`}</span>
                </Cell>
                <Cell>
                  <RunStatusBadge status={run.status} />
                  {run.status === 'FAILED' && <RunFailureSummary runId={run.id} error={run.error} />}
                </Cell>
                <Cell className="text-xs text-muted-foreground">{run.trigger.toLowerCase()}</Cell>
                <Cell className="max-w-48 truncate text-xs text-muted-foreground" data-testid="run-started-by">
                  {run.startedBy?.label ?? '—'}
                </Cell>
                <Cell className="font-mono text-xs tabular-nums">{formatDuration(run.durationMs)}</Cell>
                <Cell className="text-muted-foreground">{formatRelativeTime(run.createdAt)}</Cell>
              </tr>
            ))}
          </DataTable>
        )}
        {(cursor || olderHref) && (
          <nav aria-label="Pages" className="flex justify-end gap-2">
            {cursor && (
              <Link
                href={`/runs?${new URLSearchParams(withoutCursor)}`}
                className={buttonVariants({ variant: 'ghost' })}
              >
                Newest
              </Link>
            )}
            {olderHref && (
              <Link href={olderHref} className={buttonVariants({ variant: 'secondary' })}>
                Older runs
              </Link>
            )}
          </nav>
        )}
      </div>
    </>
  );
}
