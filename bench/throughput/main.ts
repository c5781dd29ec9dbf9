// Runs per second, start-to-end latency and CPU per run of every process, on issue #11's 10-node
// flow, closed loop with N clients; then activity and pure steps one run at a time. Each figure
// is printed beside the previous run's and the recorded baseline's:
//   flock /tmp/platform.lock npm run bench:throughput -- [--clients 10,50] [--seconds 30]
//     [--modes closed,sequential,start-api] [--activity-mode local|regular] [--baseline] [--cpu-prof <dir>]
//     [--n8n <install dir> [--n8n-node <node 24 binary>] [--rounds N]]
// With --n8n, n8n runs the same flow beside the platform and the closed loop alternates between
// the two, `--rounds` times per client count, each figure pooled over its system's rounds.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startBenchPlatform } from '../editor/platform';
import { percentile, readPreviousResults, saveResults } from '../editor/report';
import { BenchLifecycle, currentCommit, expectStatus } from '../shared/lifecycle';
import { drive } from '../start-api/load';
import {
  activitySteps,
  orderFlow,
  pureSteps,
  startStubApi,
  withActivityMode,
  type BenchFlow,
  type RunEnd,
} from './flows';
import {
  cpuBetween,
  describeGroups,
  noCpu,
  ownTicks,
  PLATFORM_GROUPS,
  sampleCpu,
  type ProcessGroup,
} from './process-cpu';
import { comparedWithN8n, formatReport, type LoopFigures, type Row, type Section } from './report';
import { n8nRunToEnd, startN8n } from './n8n-side';

const RESULTS_FILE = fileURLToPath(new URL('./results/last.json', import.meta.url));
const BASELINE_FILE = fileURLToPath(new URL('./results/baseline.json', import.meta.url));
const MODES = ['closed', 'sequential', 'start-api'] as const;
type Mode = (typeof MODES)[number];
/** Closed-loop clients run this long, unmeasured, before each measured window. */
const WARM_UP_SECONDS = 5;
/** Sequential mode: runs measured per flow, after one unmeasured. */
const SEQUENTIAL_RUNS = 5;
const START_API_RATE = 100;
const START_API_SECONDS = 10;

function readOptions() {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '10,50' },
      seconds: { type: 'string', default: '30' },
      modes: { type: 'string', default: 'closed,sequential' },
      baseline: { type: 'boolean', default: false },
      // Unset, each activity node runs as its settings' default has it.
      'activity-mode': { type: 'string' },
      'cpu-prof': { type: 'string' },
      n8n: { type: 'string' },
      'n8n-node': { type: 'string', default: process.execPath },
      rounds: { type: 'string', default: '1' },
    },
  });
  const clients = values.clients.split(',').map(Number);
  if (clients.some((count) => !Number.isInteger(count) || count < 1)) {
    throw new Error('--clients must be whole numbers of clients, comma-separated');
  }
  const seconds = Number(values.seconds);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('--seconds must be a positive number');
  const modes = values.modes.split(',') as Mode[];
  const unknown = modes.filter((mode) => !MODES.includes(mode));
  if (unknown.length) throw new Error(`--modes: unknown ${unknown.join(', ')}; choose from ${MODES.join(', ')}`);
  const activityMode = values['activity-mode'] as 'local' | 'regular' | undefined;
  if (activityMode !== undefined && activityMode !== 'local' && activityMode !== 'regular') {
    throw new Error('--activity-mode must be local or regular');
  }
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a whole number of rounds');
  const n8n = values.n8n ? { installDir: path.resolve(values.n8n), nodeBinary: values['n8n-node'] } : undefined;
  return {
    clients,
    seconds,
    modes,
    activityMode,
    rounds,
    n8n,
    baseline: values.baseline,
    cpuProfileDir: values['cpu-prof'],
  };
}

const lifecycle = new BenchLifecycle();
const round = (value: number) => Math.round(value * 10) / 10;

const totalCpu = (used: ReturnType<typeof cpuBetween>, groups: readonly ProcessGroup[]) =>
  groups.reduce((sum, group) => sum + used[group], 0);

/** CPU-ms per run of each process group and their total, plus the bench's own clients apart. */
function cpuRows(
  prefix: string,
  used: ReturnType<typeof cpuBetween>,
  clientMs: number,
  runs: number,
  groups: readonly ProcessGroup[] = PLATFORM_GROUPS,
): Row[] {
  const per = (ms: number) => round(ms / Math.max(runs, 1));
  return [
    { key: `${prefix}.cpu.total`, label: 'CPU ms per run, all its processes', value: per(totalCpu(used, groups)) },
    ...groups.map((group) => ({ key: `${prefix}.cpu.${group}`, label: `  ${group}`, value: per(used[group]) })),
    { key: `${prefix}.cpu.clients`, label: '  (the bench clients, not counted)', value: per(clientMs) },
  ];
}

/** Measures CPU of the platform's processes (and the bench's) around `work`. */
async function measuredCpu<T>(work: () => Promise<T>) {
  const before = sampleCpu();
  const clientsBefore = ownTicks();
  const result = await work();
  const after = sampleCpu();
  return {
    result,
    used: cpuBetween(before, after),
    clientMs: (ownTicks() - clientsBefore) * 10,
    wallMs: after.at - before.at,
  };
}

async function main() {
  const { clients, seconds, modes, activityMode, rounds, n8n, baseline, cpuProfileDir } = readOptions();
  console.log('Building and starting the platform as the tests do (next build, next start, worker, collab)…');
  const starting = startBenchPlatform({
    // As `npm start` has it: no trace export, background jobs at their default pace.
    OTEL_EXPORTER_OTLP_ENDPOINT: '',
    JOBS_RECONCILE_EVERY_MS: '30000',
    JOBS_ALERTS_EVERY_MS: '60000',
    // Every start reaches the engine: the limits are not what is measured.
    RATE_LIMIT_API_KEY_PER_MINUTE: '1000000',
    RATE_LIMIT_ORG_PER_MINUTE: '1000000',
    // Each Node process (web, worker, collab) writes a V8 CPU profile there when it stops.
    ...(cpuProfileDir
      ? {
          NODE_OPTIONS: `--import ${new URL('./cpu-profile-preload.mjs', import.meta.url).href}`,
          BENCH_CPU_PROFILE_DIR: path.resolve(cpuProfileDir),
        }
      : {}),
  });
  lifecycle.onStop(async () => (await starting.catch(() => undefined))?.stop());
  const platform = await starting;
  if (lifecycle.interrupted) return;
  const stub = await startStubApi();
  lifecycle.onStop(() => stub.stop());
  console.log(`Processes measured: ${describeGroups(sampleCpu())}`);

  const keyResponse = await platform.ownerFetch('/api/api-keys', {
    method: 'POST',
    body: JSON.stringify({ name: 'throughput bench', role: 'EDITOR' }),
  });
  const { key } = (await expectStatus(keyResponse, 201, 'POST /api/api-keys')) as { key: string };

  /** Creates and publishes a flow through the API; returns its start URL. */
  async function publish(flow: BenchFlow): Promise<string> {
    const created = await platform.ownerFetch('/api/workflows', {
      method: 'POST',
      body: JSON.stringify({ name: `Throughput bench: ${flow.name}` }),
    });
    const { id } = (await expectStatus(created, 201, 'POST /api/workflows')) as { id: string };
    const published = await platform.ownerFetch(`/api/workflows/${id}/versions`, {
      method: 'POST',
      body: JSON.stringify({ definition: flow.definition }),
    });
    await expectStatus(published, 201, `publishing ${flow.name}`);
    return `${platform.info.webUrl}/api/workflows/${id}/runs`;
  }
  const startInit = (body: unknown): RequestInit => ({
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

  /** Starts a run and waits for its end through the API (`?wait=`); its latency, or what went wrong. */
  async function runToEnd(url: string): Promise<RunEnd> {
    const sent = performance.now();
    try {
      const response = await fetch(`${url}?wait=60s`, startInit({ input: { customer: 'acme' } }));
      const body = (await response.json()) as { status?: string; error?: { code?: string; message?: string } };
      const latencyMs = performance.now() - sent;
      if (response.status === 200 && body.status === 'SUCCEEDED') return { ok: true, latencyMs };
      const problem = `${response.status} ${body.status ?? body.error?.code ?? ''} ${JSON.stringify(body.error ?? '')}`;
      return { ok: false, latencyMs, problem: problem.slice(0, 200) };
    } catch (error) {
      return { ok: false, latencyMs: performance.now() - sent, problem: (error as Error).message };
    }
  }

  const order = withActivityMode(orderFlow(stub.url), activityMode);
  const orderUrl = await publish(order);
  const first = await runToEnd(orderUrl);
  if (!first.ok) throw new Error(`The order flow does not run: ${first.problem}`);
  const n8nSide =
    n8n && modes.includes('closed')
      ? await startN8n({ ...n8n, stubUrl: stub.url, onStop: (stop) => lifecycle.onStop(stop) })
      : undefined;

  const sections: Section[] = [];
  const problems = new Map<string, number>();
  const noteProblem = (problem = 'unknown') => problems.set(problem, (problems.get(problem) ?? 0) + 1);

  // One run at a time first, on tables the closed loop has not yet filled: otherwise Postgres's
  // autovacuum of those rows lands in these short windows.
  if (modes.includes('sequential')) {
    const flows: [string, BenchFlow][] = [
      ['act1', withActivityMode(activitySteps(stub.url, 1), activityMode)],
      ['act10', withActivityMode(activitySteps(stub.url, 10), activityMode)],
      ['act50', withActivityMode(activitySteps(stub.url, 50), activityMode)],
      ['pure50', pureSteps(50)],
    ];
    for (const [name, flow] of flows) {
      if (lifecycle.interrupted) return;
      console.log(`Measuring: ${flow.name}, ${SEQUENTIAL_RUNS} runs one at a time…`);
      const url = await publish(flow);
      const warm = await runToEnd(url);
      if (!warm.ok) throw new Error(`${flow.name} does not run: ${warm.problem}`);
      const {
        result: latencies,
        used,
        clientMs,
      } = await measuredCpu(async () => {
        const measured: number[] = [];
        for (let index = 0; index < SEQUENTIAL_RUNS; index++) {
          const run = await runToEnd(url);
          if (!run.ok) throw new Error(`${flow.name} failed: ${run.problem}`);
          measured.push(run.latencyMs);
        }
        return measured;
      });
      const median = percentile(latencies, 50);
      const prefix = `seq.${name}`;
      sections.push({
        title: `${flow.name}, one run at a time`,
        rows: [
          { key: `${prefix}.run_ms`, label: 'start-to-end, median ms', value: round(median) },
          { key: `${prefix}.ms_per_step`, label: 'ms per step (median / steps)', value: round(median / flow.steps) },
          ...cpuRows(prefix, used, clientMs, SEQUENTIAL_RUNS),
        ],
      });
    }
  }

  if (modes.includes('closed')) {
    /** One system's closed-loop windows at one client count, pooled over its rounds. */
    interface Pooled {
      latencies: number[];
      failed: number;
      used: ReturnType<typeof cpuBetween>;
      clientMs: number;
      wallMs: number;
    }
    const systems: { name: string; prefix: string; groups: readonly ProcessGroup[]; runOnce: () => Promise<RunEnd> }[] =
      [{ name: 'this platform', prefix: '', groups: PLATFORM_GROUPS, runOnce: () => runToEnd(orderUrl) }];
    if (n8nSide) {
      const { version, webhookUrl } = n8nSide;
      systems.push({
        name: `n8n ${version}, default settings`,
        prefix: 'n8n.',
        groups: ['n8n'],
        runOnce: () => n8nRunToEnd(webhookUrl),
      });
    }
    for (const count of clients) {
      /** `count` clients, each starting a run when its last one ended, until `forMs` has passed. */
      const closedLoop = async (runOnce: () => Promise<RunEnd>, forMs: number) => {
        const until = performance.now() + forMs;
        const latencies: number[] = [];
        let failed = 0;
        await Promise.all(
          Array.from({ length: count }, async () => {
            while (performance.now() < until && !lifecycle.interrupted) {
              const run = await runOnce();
              if (run.ok) {
                latencies.push(run.latencyMs);
              } else {
                failed++;
                noteProblem(run.problem);
              }
            }
          }),
        );
        return { latencies, failed };
      };
      const pooled = new Map<string, Pooled>(
        systems.map((system) => [system.prefix, { latencies: [], failed: 0, used: noCpu(), clientMs: 0, wallMs: 0 }]),
      );
      for (let roundNumber = 1; roundNumber <= rounds; roundNumber++) {
        for (const system of systems) {
          if (lifecycle.interrupted) return;
          const which = `${system.name}, round ${roundNumber} of ${rounds}`;
          console.log(`Warming up: ${count} clients for ${WARM_UP_SECONDS} s (${which})…`);
          await closedLoop(system.runOnce, WARM_UP_SECONDS * 1000);
          console.log(`Measuring: ${count} clients for ${seconds} s, closed loop (${which})…`);
          const window = await measuredCpu(() => closedLoop(system.runOnce, seconds * 1000));
          const sum = pooled.get(system.prefix)!;
          sum.latencies.push(...window.result.latencies);
          sum.failed += window.result.failed;
          sum.clientMs += window.clientMs;
          sum.wallMs += window.wallMs;
          for (const group of system.groups) sum.used[group] += window.used[group];
        }
      }
      const figures = new Map<string, LoopFigures>();
      for (const system of systems) {
        const { latencies, failed, used, clientMs, wallMs } = pooled.get(system.prefix)!;
        const loop: LoopFigures = {
          runsPerSecond: latencies.length / (wallMs / 1000),
          cpuMsPerSucceededRun: totalCpu(used, system.groups) / Math.max(latencies.length, 1),
        };
        figures.set(system.prefix, loop);
        const prefix = `${system.prefix}c${count}`;
        sections.push({
          title: `${system.name}: ${count} clients, closed loop, ${rounds} × ${seconds} s: ${order.name}`,
          rows: [
            { key: `${prefix}.runs_per_s`, label: 'runs/s', value: round(loop.runsPerSecond) },
            { key: `${prefix}.runs`, label: 'runs ended SUCCEEDED', value: latencies.length },
            { key: `${prefix}.failed`, label: 'runs failed or not answered', value: failed },
            { key: `${prefix}.p50_ms`, label: 'start-to-end p50 ms', value: round(percentile(latencies, 50)) },
            { key: `${prefix}.p95_ms`, label: 'start-to-end p95 ms', value: round(percentile(latencies, 95)) },
            { key: `${prefix}.p99_ms`, label: 'start-to-end p99 ms', value: round(percentile(latencies, 99)) },
            ...cpuRows(prefix, used, clientMs, latencies.length + failed, system.groups),
          ],
        });
      }
      if (n8nSide) sections.push(comparedWithN8n(count, figures.get('')!, figures.get('n8n.')!));
    }
  }

  if (modes.includes('start-api')) {
    // The start path alone, as bench:start-api drives it, on this bench's flow.
    console.log(`Measuring: ${START_API_RATE} starts/s for ${START_API_SECONDS} s, open loop (runs not awaited)…`);
    const database = new pg.Client({ connectionString: platform.info.databaseUrl });
    await database.connect();
    lifecycle.onStop(() => database.end());
    const phase = await drive({
      url: orderUrl,
      init: () => startInit({ input: { customer: 'acme' } }),
      rate: START_API_RATE,
      seconds: START_API_SECONDS,
    });
    const latencies = phase.answers.map((answer) => answer.latencyMs);
    const count = (test: (outcome: string) => boolean) => phase.answers.filter(({ outcome }) => test(outcome)).length;
    sections.push({
      title: `start API: ${START_API_RATE} starts/s for ${START_API_SECONDS} s (bench/start-api's load)`,
      rows: [
        { key: 'api.sent_per_s', label: 'sent per second', value: round(phase.sentPerSecond) },
        { key: 'api.p50_ms', label: 'answer p50 ms', value: round(percentile(latencies, 50)) },
        { key: 'api.p99_ms', label: 'answer p99 ms', value: round(percentile(latencies, 99)) },
        { key: 'api.accepted', label: 'answered 202', value: count((outcome) => outcome === '202') },
        { key: 'api.5xx', label: 'answered 5xx', value: count((outcome) => outcome.startsWith('5')) },
      ],
    });
    // The started runs end before the platform stops.
    for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
      const { rows } = await database.query<{ count: string }>(
        `SELECT count(*) FROM runs WHERE status IN ('QUEUED', 'RUNNING')`,
      );
      if (Number(rows[0].count) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  const previous = await readPreviousResults(RESULTS_FILE);
  const recordedBaseline = baseline ? undefined : await readPreviousResults(BASELINE_FILE);
  console.log(
    [
      '',
      `Throughput bench: ${os.cpus().length} CPUs shared by the clients and every platform process; ` +
        'CPU from /proc (utime + stime of each process and its children) over each measured window.',
      '',
      formatReport(sections, previous, recordedBaseline),
      problems.size
        ? `\nRuns that did not succeed, by answer:\n${[...problems].map(([what, n]) => `  ${n}  ${what}`).join('\n')}`
        : '',
      `results saved to ${RESULTS_FILE}${baseline ? ` and ${BASELINE_FILE}` : ''}`,
      '',
    ].join('\n'),
  );
  const results = {
    measuredAt: new Date().toISOString(),
    commit: currentCommit(),
    setup: {
      clients: clients.join(', '),
      seconds,
      modes: modes.join(', '),
      activityMode: activityMode ?? 'default',
      rounds,
      n8n: n8nSide?.version ?? 'not run',
      cpus: os.cpus().length,
    },
    measurements: Object.fromEntries(sections.flatMap((section) => section.rows.map((row) => [row.key, row.value]))),
  };
  await saveResults(RESULTS_FILE, results);
  if (baseline) await saveResults(BASELINE_FILE, results);
}

lifecycle.run('bench:throughput', main);
