import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import * as activities from './activities';
import { createNodeActivities } from './activities/node-activities';
import { createRunSinks } from './sinks';
import { serverEnv } from '../lib/config/server-env';
import { createLogger } from '../lib/logging/logger';
import { signalReady } from '../launcher/ready-signal';
import { startBackgroundJobs } from '../lib/jobs/job-runner';

const log = createLogger({ service: 'worker' });

// The SDK logs each worker state change and its bundler's statistics at INFO; keep WARN and up.
Runtime.install({
  logger: new DefaultLogger('WARN', ({ level, message, meta }) => {
    const method = level === 'ERROR' ? 'error' : 'warn';
    log[method](message, meta);
  }),
});

/** The main queue plus any extra queues nodes are routed to (node settings `taskQueue`). */
function taskQueues(): string[] {
  const { TEMPORAL_TASK_QUEUE } = serverEnv();
  const extra = (process.env.TEMPORAL_EXTRA_TASK_QUEUES ?? '').split(',').map((queue) => queue.trim());
  return [...new Set([TEMPORAL_TASK_QUEUE, ...extra.filter(Boolean)])];
}

async function main() {
  const { TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE } = serverEnv();
  const connection = await NativeConnection.connect({ address: TEMPORAL_ADDRESS });
  try {
    // One bundle shared by the workers of every queue.
    const workflowBundle = await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('./workflows/index.ts', import.meta.url)),
      logger: new DefaultLogger('WARN'),
    });
    const allActivities = { ...activities, ...createNodeActivities() };
    const queues = taskQueues();
    const workers = await Promise.all(
      queues.map((taskQueue) =>
        Worker.create({
          connection,
          namespace: TEMPORAL_NAMESPACE,
          taskQueue,
          workflowBundle,
          activities: allActivities,
          sinks: createRunSinks(),
        }),
      ),
    );
    // Each resolves after SIGINT/SIGTERM, once in-flight tasks are drained.
    const running = Promise.all(workers.map((worker) => worker.run()));
    // The platform's background jobs (lib/jobs) run beside the Temporal workers, in this process.
    const jobs = await startBackgroundJobs();
    log.info('worker polling', { taskQueues: queues, namespace: TEMPORAL_NAMESPACE });
    signalReady();
    await running;
    await jobs.close();
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  log.error('worker stopped', { error });
  process.exit(1);
});
