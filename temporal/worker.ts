import { createRequire } from 'node:module';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import * as activities from './activities';
import { createNodeActivities } from './activities/node-activities';
import { createRunSinks } from './sinks';
import { workflowBundleOptions } from './workflow-bundle-options';
import { serverEnv } from '../lib/config/server-env';
import { createLogger } from '../lib/logging/logger';
import { configuredTaskQueues } from '../lib/config/task-queues';
import { startMetricsPublisher } from '../lib/metrics/process-snapshots';
import { startTracing } from '../lib/telemetry/tracing';
import { signalReady } from '../lib/process/ready-signal';
import { startBackgroundJobs } from '../lib/jobs/job-runner';

const log = createLogger({ service: 'worker' });

// The SDK logs each worker state change and its bundler's statistics at INFO; keep WARN and up.
Runtime.install({
  logger: new DefaultLogger('WARN', ({ level, message, meta }) => {
    const method = level === 'ERROR' ? 'error' : 'warn';
    log[method](message, meta);
  }),
});

// With tracing on, a run continues the trace of the request that started it: the workflow's
// spans leave the sandbox through a sink, and each activity attempt is a span of its own.
const tracing = startTracing('worker');
const workflowTracing = tracing
  ? createRequire(import.meta.url).resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')
  : undefined;
const activityTracing = tracing
  ? {
      activity: [
        (ctx: ConstructorParameters<typeof OpenTelemetryActivityInboundInterceptor>[0]) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    }
  : undefined;

async function main() {
  const { TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE } = serverEnv();
  const connection = await NativeConnection.connect({ address: TEMPORAL_ADDRESS });
  try {
    // One bundle shared by the workers of every queue.
    const workflowBundle = await bundleWorkflowCode({
      ...workflowBundleOptions,
      workflowInterceptorModules: workflowTracing ? [workflowTracing] : [],
      logger: new DefaultLogger('WARN'),
    });
    const allActivities = { ...activities, ...createNodeActivities() };
    const queues = configuredTaskQueues();
    const workers = await Promise.all(
      queues.map((taskQueue) =>
        Worker.create({
          connection,
          namespace: TEMPORAL_NAMESPACE,
          taskQueue,
          workflowBundle,
          activities: allActivities,
          interceptors: activityTracing,
          sinks: {
            ...createRunSinks(),
            ...(tracing ? { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) } : {}),
          },
        }),
      ),
    );
    // Each resolves after SIGINT/SIGTERM, once in-flight tasks are drained.
    const running = Promise.all(workers.map((worker) => worker.run()));
    // The platform's background jobs (lib/jobs) run beside the Temporal workers, in this process.
    const jobs = await startBackgroundJobs();
    log.info('worker polling', { taskQueues: queues, namespace: TEMPORAL_NAMESPACE });
    startMetricsPublisher('worker');
    signalReady();
    await running;
    await jobs.close();
  } finally {
    await connection.close();
    await tracing?.spanProcessor.shutdown();
  }
}

main().catch((error: unknown) => {
  log.error('worker stopped', { error });
  process.exit(1);
});
