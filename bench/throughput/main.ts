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
import { startBenchPlatform } from '../editor/platform';
import { percentile, readPreviousResults, saveResults } from '../editor/report';
import { BenchLifecycle, currentCommit, expectStatus } from '../shared/lifecycle';
import {
  activitySteps,
  orderFlow,
  pureSteps,
  startStubApi,
  withActivityMode,
  type BenchFlow,
  type RunEnd,
} from './flows';
import { describeGroups, PLATFORM_GROUPS, sampleCpu } from './process-cpu';
import { formatReport, type Section } from './report';
import { measureClosedLoop, type LoopSystem } from './closed-loop';
import { measureStartApi } from './start-api-mode';
import { cpuRows, measuredCpu, round } from './measured-cpu';
import { n8nRunToEnd, startN8n } from './n8n-side';

const RESULTS_FILE = fileURLToPath(new URL('./results/last.json', import.meta.url));
const BASELINE_FILE = fileURLToPath(new URL('./results/baseline.json', import.meta.url));
const MODES = ['closed', 'sequential', 'start-api'] as const;
type Mode = (typeof MODES)[number];
/** Closed-loop clients run this long, unmeasured, before each measured window. */
const WARM_UP_SECONDS = 5;
/** Sequential mode: runs measured per flow, after one unmeasured. */
const SEQUENTIAL_RUNS = 5;

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
    const systems: LoopSystem[] = [
      { name: 'this platform', prefix: '', groups: PLATFORM_GROUPS, runOnce: () => runToEnd(orderUrl) },
    ];
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
      const measured = await measureClosedLoop({
        systems,
        clients: count,
        seconds,
        rounds,
        warmUpSeconds: WARM_UP_SECONDS,
        flowName: order.name,
        lifecycle,
        noteProblem,
      });
      if (!measured) return;
      sections.push(...measured);
    }
  }

  if (modes.includes('start-api')) {
    sections.push(
      await measureStartApi({
        url: orderUrl,
        init: () => startInit({ input: { customer: 'acme' } }),
        databaseUrl: platform.info.databaseUrl,
        lifecycle,
      }),
    );
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
