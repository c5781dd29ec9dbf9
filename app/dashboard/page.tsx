import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { ChartCard, NoData } from '@/components/dashboard/chart-card';
import { ErrorBudgetCard } from '@/components/dashboard/error-budget-card';
import { FailureChart } from '@/components/dashboard/failure-chart';
import { LastPruneNote } from '@/components/dashboard/last-prune-note';
import { PendingApprovalsTable } from '@/components/dashboard/pending-approvals-table';
import { PercentileChart } from '@/components/dashboard/percentile-chart';
import { RangePicker } from '@/components/dashboard/range-picker';
import { SloForm } from '@/components/dashboard/slo-form';
import { SuccessRateChart } from '@/components/dashboard/success-rate-chart';
import { TaskQueueTable } from '@/components/dashboard/task-queue-table';
import { ThroughputChart } from '@/components/dashboard/throughput-chart';
import { requireOrg } from '@/lib/auth/current-org';
import { isAllowed } from '@/lib/auth/policy';
import { dashboardFigures } from '@/lib/dashboard/dashboard';
import { DASHBOARD_RANGES, dashboardRange } from '@/lib/dashboard/range';
import { temporalHealth } from '@/lib/dashboard/temporal-health';

export const metadata: Metadata = { title: 'Dashboard' };

type SearchParams = Record<string, string | string[] | undefined>;

const percent = (fraction: number | null) => (fraction === null ? '—' : `${(fraction * 100).toFixed(1)}%`);

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const org = await requireOrg();
  // An unknown range in a hand-edited URL shows the default rather than an error page.
  const range = dashboardRange.catch('24h').parse((await searchParams).range ?? '24h');
  const [figures, taskQueues] = await Promise.all([dashboardFigures(org, range), temporalHealth(org)]);
  const { outcomes } = figures;
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`The last ${DASHBOARD_RANGES[range].label} across all workflows.`}
        actions={<RangePicker current={range} />}
      />
      <div className="grid grid-cols-1 gap-4 px-8 py-6 lg:grid-cols-2">
        <div className="lg:col-span-2">
          <ErrorBudgetCard
            budget={figures.errorBudget}
            form={isAllowed(org.role, 'slo:manage') ? <SloForm slo={figures.errorBudget.slo} /> : undefined}
          />
        </div>
        <ChartCard testId="chart-throughput" title="Runs started and completed" description={`Per ${figures.bucket}.`}>
          <ThroughputChart buckets={figures.throughput} range={range} />
        </ChartCard>
        <ChartCard
          testId="chart-success-rate"
          title={`Success rate: ${percent(outcomes.successRate)}`}
          description={`${outcomes.succeeded} succeeded, ${outcomes.failed} failed, ${outcomes.cancelled} cancelled.`}
        >
          <SuccessRateChart buckets={figures.throughput} range={range} />
        </ChartCard>
        <ChartCard
          testId="chart-run-latency"
          title="Run latency"
          description={figures.runLatency ? `Over ${figures.runLatency.runs} finished runs.` : undefined}
        >
          {figures.runLatency ? <PercentileChart rows={[{ name: 'All runs', ...figures.runLatency }]} /> : <NoData />}
        </ChartCard>
        <ChartCard testId="chart-slowest-workflows" title="Slowest workflows" description="By P95 run duration.">
          {figures.slowestWorkflows.length > 0 ? <PercentileChart rows={figures.slowestWorkflows} /> : <NoData />}
        </ChartCard>
        <ChartCard
          testId="chart-node-latency"
          title="Latency by node type"
          description="Each attempt, from start to end."
          className="lg:col-span-2"
        >
          {figures.nodeTypeLatency.length > 0 ? (
            <PercentileChart rows={figures.nodeTypeLatency.map((row) => ({ ...row, name: row.nodeType }))} />
          ) : (
            <NoData>No node attempt ended in this range.</NoData>
          )}
        </ChartCard>
        <ChartCard testId="chart-failures-node-type" title="Failures by node type" description="Failed attempts.">
          {figures.failures.byNodeType.length > 0 ? (
            <FailureChart counts={figures.failures.byNodeType} />
          ) : (
            <NoData>No attempt failed in this range.</NoData>
          )}
        </ChartCard>
        <ChartCard testId="chart-failures-error-type" title="Failures by error" description="Failed attempts.">
          {figures.failures.byErrorType.length > 0 ? (
            <FailureChart counts={figures.failures.byErrorType} />
          ) : (
            <NoData>No attempt failed in this range.</NoData>
          )}
        </ChartCard>
        <section className="flex flex-col gap-2 lg:col-span-2" data-testid="pending-approvals">
          <h2 className="text-sm font-semibold tracking-tight">Approvals waiting ({figures.pendingApprovals.count})</h2>
          <PendingApprovalsTable approvals={figures.pendingApprovals.oldest} />
        </section>
        <section className="flex flex-col gap-2 lg:col-span-2" data-testid="temporal-health">
          <h2 className="text-sm font-semibold tracking-tight">Temporal task queues (now)</h2>
          <TaskQueueTable queues={taskQueues} />
        </section>
        <LastPruneNote lastPrune={figures.lastPrune} />
      </div>
    </>
  );
}
