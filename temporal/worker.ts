import { fileURLToPath } from 'node:url';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import * as activities from './activities';
import { serverEnv } from '../lib/config/server-env';
import { createLogger } from '../lib/logging/logger';
import { signalReady } from '../launcher/ready-signal';

const log = createLogger({ service: 'worker' });

// The SDK logs each worker state change and its bundler's statistics at INFO; keep WARN and up.
Runtime.install({
  logger: new DefaultLogger('WARN', ({ level, message, meta }) => {
    const method = level === 'ERROR' ? 'error' : 'warn';
    log[method](message, meta);
  }),
});

async function main() {
  const { TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_TASK_QUEUE } = serverEnv();
  const connection = await NativeConnection.connect({ address: TEMPORAL_ADDRESS });
  try {
    const worker = await Worker.create({
      connection,
      namespace: TEMPORAL_NAMESPACE,
      taskQueue: TEMPORAL_TASK_QUEUE,
      workflowsPath: fileURLToPath(new URL('./workflows/index.ts', import.meta.url)),
      activities,
    });
    // Resolves after SIGINT/SIGTERM, once in-flight tasks are drained.
    const running = worker.run();
    log.info('worker polling', { taskQueue: TEMPORAL_TASK_QUEUE, namespace: TEMPORAL_NAMESPACE });
    signalReady();
    await running;
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  log.error('worker stopped', { error });
  process.exit(1);
});
