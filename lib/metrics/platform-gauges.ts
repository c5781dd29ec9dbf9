import { Gauge, Registry } from 'prom-client';
import { db } from '../db/client';
import { configuredTaskQueues } from '../config/task-queues';
import { describeTaskQueues } from '../health/task-queues';

const ACTIVE_STATUSES = ['QUEUED', 'RUNNING', 'WAITING'] as const;

/**
 * Figures read fresh at each scrape from where they live (Postgres, Temporal) rather than
 * counted by a process: a restart must not lose a run that is waiting.
 */
export async function platformGauges(): Promise<Registry> {
  const registry = new Registry();
  const registers = [registry];
  const [activeRuns, [approvals], queues] = await Promise.all([
    db().$queryRaw<{ status: string; runs: bigint }[]>`SELECT status, runs FROM metrics_active_runs()`,
    db().$queryRaw<{ approvals: bigint; oldest_seconds: number }[]>`SELECT * FROM metrics_waiting_approvals()`,
    describeTaskQueues(configuredTaskQueues()),
  ]);

  const active = new Gauge({
    name: 'floworchestrator_runs_active',
    help: 'Runs not yet ended, by status',
    labelNames: ['status'] as const,
    registers,
  });
  for (const status of ACTIVE_STATUSES) {
    active.set({ status }, Number(activeRuns.find((row) => row.status === status)?.runs ?? 0));
  }
  new Gauge({ name: 'floworchestrator_approvals_waiting', help: 'Approvals waiting for a decision', registers }).set(
    Number(approvals.approvals),
  );
  new Gauge({
    name: 'floworchestrator_approvals_oldest_wait_seconds',
    help: 'How long the oldest waiting approval has waited',
    registers,
  }).set(approvals.oldest_seconds);

  const backlog = new Gauge({
    name: 'floworchestrator_task_queue_backlog',
    help: 'Temporal tasks waiting for a worker, by task queue and kind (workflow or activity)',
    labelNames: ['task_queue', 'kind'] as const,
    registers,
  });
  const workers = new Gauge({
    name: 'floworchestrator_task_queue_workers',
    help: 'Workers that recently polled a Temporal task queue, by task queue and kind',
    labelNames: ['task_queue', 'kind'] as const,
    registers,
  });
  for (const queue of queues) {
    const labels = { task_queue: queue.name, kind: queue.kind };
    if (queue.backlog !== null) backlog.set(labels, queue.backlog);
    workers.set(labels, queue.workers);
  }
  return registry;
}
