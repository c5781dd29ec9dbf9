import { configuredTaskQueues } from '../config/task-queues';
import { Prisma } from '../db/generated/client';
import { pendingApprovals } from '../dashboard/pending-approvals';
import type { Slo } from '../dashboard/slo';
import { describeTaskQueues } from '../health/task-queues';
import type { AlertKindName } from './alert-rule-schema';

export interface Measurement {
  /** In the threshold's unit; null when there was nothing to measure (no run ended, no approval waiting). */
  value: number | null;
  breached: boolean;
  message: string;
}

export interface MeasuredRule {
  kind: AlertKindName;
  threshold: number;
  windowMinutes: number;
}

const round = (value: number) => Math.round(value * 100) / 100;

async function endedRuns(tx: Prisma.TransactionClient, orgId: string, since: Date, until: Date) {
  const [row] = await tx.$queryRaw<{ succeeded: number; failed: number }[]>`
    SELECT count(*) FILTER (WHERE status = 'SUCCEEDED')::int AS succeeded,
           count(*) FILTER (WHERE status = 'FAILED')::int AS failed
    FROM runs WHERE org_id = ${orgId}::uuid AND ended_at >= ${since} AND ended_at < ${until}`;
  return row;
}

/**
 * Measures a rule against the org's runs at `now`. Success rate and burn rate are over the runs
 * that ended (succeeded or failed; cancelled runs say nothing of health) in the rule's window,
 * as the dashboard counts them; burn rate is the failure rate over the SLO's error budget.
 * Queue backlog is the platform's, which every org's runs share.
 */
export async function measureRule(
  tx: Prisma.TransactionClient,
  orgId: string,
  rule: MeasuredRule,
  slo: Slo,
  now: Date,
): Promise<Measurement> {
  if (rule.kind === 'queue_backlog_above') return measureBacklog(rule.threshold);
  if (rule.kind === 'approval_waiting_longer_than') {
    const oldest = (await pendingApprovals(tx, orgId, now, 1)).oldest[0];
    if (!oldest) return { value: null, breached: false, message: 'No approval is waiting' };
    const minutes = round(oldest.ageMs / 60_000);
    return {
      value: minutes,
      breached: minutes > rule.threshold,
      message: `Approval "${oldest.nodeId}" of ${oldest.workflowName} has waited ${minutes} minutes (run ${oldest.runId})`,
    };
  }
  const since = new Date(now.getTime() - rule.windowMinutes * 60_000);
  const { succeeded, failed } = await endedRuns(tx, orgId, since, now);
  const window = `the last ${rule.windowMinutes} minutes`;
  if (succeeded + failed === 0) return { value: null, breached: false, message: `No run ended in ${window}` };
  const failureRate = failed / (succeeded + failed);
  if (rule.kind === 'success_rate_below') {
    const percent = round((1 - failureRate) * 100);
    return {
      value: percent,
      breached: percent < rule.threshold,
      message: `Success rate ${percent}% over ${window} (${succeeded} succeeded, ${failed} failed)`,
    };
  }
  const burnRate = round(failureRate / (1 - slo.objectivePercent / 100));
  return {
    value: burnRate,
    breached: burnRate > rule.threshold,
    message: `Error budget burning at ${burnRate}× over ${window} (${failed} of ${succeeded + failed} runs failed, SLO ${slo.objectivePercent}%)`,
  };
}

/**
 * Tasks waiting for a worker on the platform's Temporal task queues (workflow and activity tasks
 * of every queue the worker polls), as Temporal approximates them: runs stall when it grows.
 */
async function measureBacklog(threshold: number): Promise<Measurement> {
  const queues = await describeTaskQueues(configuredTaskQueues());
  const reported = queues.filter((queue) => queue.backlog !== null);
  if (reported.length === 0) return { value: null, breached: false, message: 'Temporal reports no backlog figures' };
  const backlog = reported.reduce((sum, queue) => sum + (queue.backlog ?? 0), 0);
  const oldest = Math.max(0, ...reported.map((queue) => queue.backlogAgeSeconds ?? 0));
  return {
    value: backlog,
    breached: backlog > threshold,
    message: `${backlog} tasks waiting for a worker on ${configuredTaskQueues().join(', ')} (oldest ${Math.round(oldest)} s)`,
  };
}
