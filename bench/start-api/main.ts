// How POST /api/workflows/:id/runs holds up under load: requests at a fixed rate through one API
// key, their answers and latencies, then whether every run the database holds has its
// `run.start` audit row. Each figure is printed beside the previous run's and the baseline's:
//   flock /tmp/platform.lock npm run bench:start-api -- [--rates 20,50,100] [--seconds 10] [--baseline]
import os from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startBenchPlatform } from '../editor/platform';
import { readPreviousResults, saveResults } from '../editor/report';
import { drive, oneAtATime, type Phase } from './load';
import { formatReport, phaseMeasurements, type PhaseRecords } from './report';
import { BenchLifecycle, currentCommit, expectStatus } from '../shared/lifecycle';

const RESULTS_FILE = fileURLToPath(new URL('./results/last.json', import.meta.url));
const BASELINE_FILE = fileURLToPath(new URL('./results/baseline.json', import.meta.url));
const WARM_UP_REQUESTS = 20;
/** Requests sent one after another before the rates, for the service time of one start. */
const SEQUENTIAL_REQUESTS = 50;
/** How long the runs of one phase may take to end before the next phase starts anyway. */
const DRAIN_LIMIT_MS = 120_000;

// A quick run: the bench measures starting runs, not running them.
const definition = {
  nodes: [
    { id: 'start', type: 'trigger.manual' },
    { id: 'out', type: 'flow.output', config: { value: '{{ input.i }}' } },
  ],
  edges: [{ source: 'start', target: 'out' }],
};

function readOptions() {
  const { values } = parseArgs({
    options: {
      rates: { type: 'string', default: '20,50,100' },
      seconds: { type: 'string', default: '10' },
      baseline: { type: 'boolean', default: false },
    },
  });
  const rates = values.rates.split(',').map(Number);
  if (rates.some((rate) => !Number.isInteger(rate) || rate < 1)) {
    throw new Error('--rates must be whole numbers of requests per second, comma-separated');
  }
  const seconds = Number(values.seconds);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('--seconds must be a positive number');
  return { rates, seconds, baseline: values.baseline };
}

const lifecycle = new BenchLifecycle();

/** The web server's unhandled API errors (what became 500s), by name and message, counted. */
async function unhandledErrors(webLog: string): Promise<string[]> {
  const counts = new Map<string, number>();
  const text = await readFile(webLog, 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    if (!line.includes('unhandled API error')) continue;
    try {
      const { error } = JSON.parse(line.slice(line.indexOf('{'))) as { error?: { name?: string; message?: string } };
      // Prisma's messages name the query's place in the code over several lines: the last one says what failed.
      const message = (error?.message ?? '').trim().split('\n').pop()?.slice(0, 160);
      const what = `${error?.name ?? 'Error'}: ${message}`;
      counts.set(what, (counts.get(what) ?? 0) + 1);
    } catch {
      counts.set(line.slice(0, 160), (counts.get(line.slice(0, 160)) ?? 0) + 1);
    }
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([what, count]) => `  ${String(count).padStart(6)}  ${what}`);
}

async function main() {
  const { rates, seconds, baseline } = readOptions();
  console.log('Building and starting the platform as the tests do (next build, next start, worker, collab)…');
  // Rate limits high enough that every request reaches the start path: it is what is measured.
  const starting = startBenchPlatform({
    // As `npm start` has it: no trace export, background jobs at their default pace.
    OTEL_EXPORTER_OTLP_ENDPOINT: '',
    JOBS_RECONCILE_EVERY_MS: '30000',
    JOBS_ALERTS_EVERY_MS: '60000',
    RATE_LIMIT_API_KEY_PER_MINUTE: '1000000',
    RATE_LIMIT_ORG_PER_MINUTE: '1000000',
  });
  lifecycle.onStop(async () => (await starting.catch(() => undefined))?.stop());
  const platform = await starting;
  if (lifecycle.interrupted) return;
  const { orgId } = platform.info.owner;

  // The tables' owner, so the check reads every row whatever row-level security allows.
  const database = new pg.Client({ connectionString: platform.info.databaseUrl });
  await database.connect();
  lifecycle.onStop(() => database.end());
  const activeRuns = async () =>
    Number(
      (
        await database.query<{ count: string }>(
          `SELECT count(*) FROM runs WHERE org_id = $1 AND status IN ('QUEUED', 'RUNNING')`,
          [orgId],
        )
      ).rows[0].count,
    );
  /** Waits for the runs started so far to end, so one phase's runs do not load the next. */
  async function drain() {
    const started = Date.now();
    let last = -1;
    let unchangedSince = Date.now();
    for (;;) {
      const active = await activeRuns();
      if (active === 0) return;
      if (active !== last) [last, unchangedSince] = [active, Date.now()];
      // Runs left QUEUED by a failed start never end: stop waiting once nothing moves.
      if (Date.now() - unchangedSince > 5_000 || Date.now() - started > DRAIN_LIMIT_MS) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  const created = await platform.ownerFetch('/api/workflows', {
    method: 'POST',
    body: JSON.stringify({ name: 'Start API bench' }),
  });
  const { id: workflowId } = (await expectStatus(created, 201, 'POST /api/workflows')) as { id: string };
  const published = await platform.ownerFetch(`/api/workflows/${workflowId}/versions`, {
    method: 'POST',
    body: JSON.stringify({ definition }),
  });
  await expectStatus(published, 201, 'POST /api/workflows/:id/versions');
  const keyResponse = await platform.ownerFetch('/api/api-keys', {
    method: 'POST',
    body: JSON.stringify({ name: 'start bench', role: 'EDITOR' }),
  });
  const { key } = (await expectStatus(keyResponse, 201, 'POST /api/api-keys')) as { key: string };

  const url = `${platform.info.webUrl}/api/workflows/${workflowId}/runs`;
  const init = (index: number): RequestInit => ({
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ input: { i: index } }),
  });

  console.log(`Warming up: ${WARM_UP_REQUESTS} starts one after another…`);
  for (let index = 0; index < WARM_UP_REQUESTS; index++) {
    const response = await fetch(url, init(index));
    await expectStatus(response, 202, 'warm-up start');
  }
  await drain();

  /** What the database holds for the runs created while the phase's requests were in flight. */
  async function recordsOf(phase: Phase): Promise<PhaseRecords> {
    const { rows } = await database.query<{ id: string; audited: boolean }>(
      `SELECT r.id, EXISTS (
         SELECT 1 FROM audit_events a WHERE a.org_id = r.org_id AND a.action = 'run.start' AND a.target_id = r.id
       ) AS audited
       FROM runs r WHERE r.org_id = $1 AND r.created_at >= $2 AND r.created_at <= $3`,
      [orgId, phase.startedAt, phase.endedAt],
    );
    const accepted = new Set(phase.answers.flatMap((answer) => (answer.runId ? [answer.runId] : [])));
    const stored = new Set(rows.map((row) => row.id));
    return {
      runsWithoutAudit: rows.filter((row) => !row.audited).length,
      runsNotAnswered202: rows.filter((row) => !accepted.has(row.id)).length,
      answered202WithoutRun: [...accepted].filter((runId) => !stored.has(runId)).length,
    };
  }

  const measurements: Record<string, number> = {};
  console.log(`Measuring: ${SEQUENTIAL_REQUESTS} starts one at a time…`);
  const sequential = await oneAtATime({ url, init, count: SEQUENTIAL_REQUESTS });
  Object.assign(measurements, phaseMeasurements(sequential, await recordsOf(sequential)));
  await drain();
  for (const rate of rates) {
    if (lifecycle.interrupted) return;
    console.log(`Measuring: ${rate} starts/s for ${seconds} s…`);
    const phase = await drive({ url, init, rate, seconds });
    Object.assign(measurements, phaseMeasurements(phase, await recordsOf(phase)));
    await drain();
  }

  const serverErrors = await unhandledErrors(path.join(platform.info.logDir, 'web.log'));
  const previous = await readPreviousResults(RESULTS_FILE);
  const recordedBaseline = baseline ? undefined : await readPreviousResults(BASELINE_FILE);
  console.log(
    [
      '',
      `Start API bench: POST /api/workflows/:id/runs through one API key, open loop, ${seconds} s per rate, ` +
        `${os.cpus().length} CPUs shared by the load, next start, the worker, Postgres, Redis and Temporal`,
      'Latency: from a request being sent to its answer, every answer counted (errors included).',
      'runs without audit: runs the database holds without their run.start audit row.',
      '',
      formatReport(measurements, previous, recordedBaseline),
      '',
      serverErrors.length
        ? `What the web server logged as unhandled (500s), most frequent first:\n${serverErrors.join('\n')}`
        : 'The web server logged no unhandled errors.',
      `results saved to ${RESULTS_FILE}${baseline ? ` and ${BASELINE_FILE}` : ''}`,
      '',
    ].join('\n'),
  );
  const results = {
    measuredAt: new Date().toISOString(),
    commit: currentCommit(),
    setup: {
      rates: rates.join(', '),
      seconds,
      cpus: os.cpus().length,
      auth: 'API key',
      limits: 'rate limits raised out of the way',
    },
    measurements,
  };
  await saveResults(RESULTS_FILE, results);
  if (baseline) await saveResults(BASELINE_FILE, results);
}

lifecycle.run('bench:start-api', main);
