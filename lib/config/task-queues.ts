import { serverEnv } from './server-env';

/** The main queue plus any extra queues the worker polls (`TEMPORAL_EXTRA_TASK_QUEUES`, comma-separated). */
export function configuredTaskQueues(): string[] {
  const extra = (process.env.TEMPORAL_EXTRA_TASK_QUEUES ?? '').split(',').map((queue) => queue.trim());
  return [...new Set([serverEnv().TEMPORAL_TASK_QUEUE, ...extra.filter(Boolean)])];
}
