import type { OrgContext } from '../auth/current-org';
import { withOrgTransaction } from '../db/tenant';
import { errorBudget } from './error-budget';
import { nodeTypeLatency } from './node-latency';
import { pendingApprovals } from './pending-approvals';
import { DASHBOARD_RANGES, windowEndingAt, type DashboardRange } from './range';
import { runLatency } from './run-latency';
import { runOutcomes } from './run-outcomes';
import { runThroughput } from './run-throughput';
import { readOrgSlo } from './slo';
import { readLastPrune } from '../retention/last-prune';
import { slowestWorkflows } from './slowest-workflows';
import { stepFailures } from './step-failures';

/**
 * Every figure the dashboard shows for one range, computed in Postgres in one read-only,
 * repeatable-read transaction so they all describe the same moment.
 */
export async function dashboardFigures(org: OrgContext, range: DashboardRange, now = new Date()) {
  const { ms, bucket } = DASHBOARD_RANGES[range];
  const window = windowEndingAt(now, ms);
  const slo = await readOrgSlo(org.orgId);
  // Not a figure of the range: when retention last deleted anything, whatever the range.
  const lastPrune = await readLastPrune(org.orgId);
  return withOrgTransaction(
    org.orgId,
    async (tx) => ({
      range,
      since: window.since.toISOString(),
      until: now.toISOString(),
      bucket,
      throughput: await runThroughput(tx, org.orgId, window, bucket),
      outcomes: await runOutcomes(tx, org.orgId, window),
      runLatency: await runLatency(tx, org.orgId, window),
      nodeTypeLatency: await nodeTypeLatency(tx, org.orgId, window),
      failures: await stepFailures(tx, org.orgId, window),
      slowestWorkflows: await slowestWorkflows(tx, org.orgId, window),
      pendingApprovals: await pendingApprovals(tx, org.orgId, now),
      errorBudget: await errorBudget(tx, org.orgId, slo, now),
      lastPrune,
    }),
    { isolationLevel: 'RepeatableRead', timeout: 15_000 },
  );
}

export type DashboardFigures = Awaited<ReturnType<typeof dashboardFigures>>;
