import { serverEnv } from '../config/server-env';
import { temporalClient } from '../../temporal/client';

export type TaskQueueKind = 'workflow' | 'activity';

export interface TaskQueueHealth {
  name: string;
  kind: TaskQueueKind;
  /** Tasks waiting for a worker; null when the server does not report stats. */
  backlog: number | null;
  /** How long the oldest waiting task has waited, in seconds; null when not reported. */
  backlogAgeSeconds: number | null;
  /** Distinct workers (by identity) that polled recently. */
  workers: number;
  /** When a worker last polled; null when none has. */
  lastPollAt: string | null;
  /** Why the queue could not be described, when it could not. */
  error?: string;
}

// Temporal's TaskQueueType enum values.
const KINDS: [TaskQueueKind, number][] = [
  ['workflow', 1],
  ['activity', 2],
];

const seconds = (value: { seconds?: unknown; nanos?: number | null } | null | undefined) =>
  value ? Number(value.seconds ?? 0) + (value.nanos ?? 0) / 1e9 : null;

// The default API mode with `reportStats` is the server's current way to read backlog figures
// (the older ENHANCED mode is deprecated); a server too old for stats still reports pollers.
async function describe(name: string, kind: TaskQueueKind, type: number) {
  const client = await temporalClient();
  try {
    const response = await client.workflowService.describeTaskQueue({
      namespace: serverEnv().TEMPORAL_NAMESPACE,
      taskQueue: { name },
      taskQueueType: type,
      reportStats: true,
    });
    const pollers = response.pollers ?? [];
    const lastPoll = Math.max(0, ...pollers.map((poller) => seconds(poller.lastAccessTime) ?? 0));
    return {
      name,
      kind,
      backlog: response.stats ? Number(response.stats.approximateBacklogCount ?? 0) : null,
      backlogAgeSeconds: response.stats ? (seconds(response.stats.approximateBacklogAge) ?? 0) : null,
      workers: new Set(pollers.map((poller) => poller.identity)).size,
      lastPollAt: lastPoll > 0 ? new Date(lastPoll * 1000).toISOString() : null,
    } satisfies TaskQueueHealth;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { name, kind, backlog: null, backlogAgeSeconds: null, workers: 0, lastPollAt: null, error: message };
  }
}

/** Backlog and workers of each queue, for both its workflow and its activity tasks. */
export async function describeTaskQueues(names: string[]): Promise<TaskQueueHealth[]> {
  return Promise.all(names.flatMap((name) => KINDS.map(([kind, type]) => describe(name, kind, type))));
}
