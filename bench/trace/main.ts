// How fast the run page is usable for long runs: runs of 500 and 10,000 steps made by the
// engine, each page load measured in headless Chromium, and the size of what the page loads.
// Each figure is printed beside its target and the previous run's:
//   npm run bench:trace -- [--loads 5]
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../../tests/support/browser';
import { startBenchPlatform } from '../editor/platform';
import { percentile, reportAndSave, type Measurement } from '../editor/report';
import { BenchLifecycle } from '../shared/lifecycle';
import { measurePageLoad, type PageLoad } from './page-load';
import { payloadSizes, seedRun } from './seed';

// Steps per run, with the time to interactive issue #10 asks for.
const RUNS = [
  { steps: 500, targetMs: 300 },
  { steps: 10_000, targetMs: 1_500 },
] as const;
const RESULTS_FILE = fileURLToPath(new URL('./results/last.json', import.meta.url));

function readLoads(): number {
  const { values } = parseArgs({ options: { loads: { type: 'string', default: '5' } } });
  const loads = Number(values.loads);
  if (!Number.isInteger(loads) || loads < 1) throw new Error('--loads must be a whole number of 1 or more');
  return loads;
}

const lifecycle = new BenchLifecycle();

async function main() {
  const loads = readLoads();
  console.log('Building and starting the platform as the tests do (next build, next start, worker, collab)…');
  // As `npm start` runs by default: no trace export (the test platform turns it on).
  const starting = startBenchPlatform({ OTEL_EXPORTER_OTLP_ENDPOINT: '' });
  lifecycle.onStop(async () => (await starting.catch(() => undefined))?.stop());
  const platform = await starting;

  const seeded = [];
  for (const { steps, targetMs } of RUNS) {
    if (lifecycle.interrupted) return;
    console.log(`Seeding a run of ${steps.toLocaleString('en')} steps through the engine…`);
    const run = await seedRun(platform, steps);
    seeded.push({ ...run, targetMs, sizes: await payloadSizes(platform, run.runId) });
  }

  const browser = await launchBrowser();
  lifecycle.onStop(async () => {
    if (browser.isConnected()) await browser.close();
  });
  const open = (runId: string) =>
    measurePageLoad(browser, {
      webUrl: platform.info.webUrl,
      sessionCookie: platform.info.owner.sessionCookie,
      runId,
    });
  console.log('Warming up: one load of each run page…');
  for (const run of seeded) await open(run.runId);
  const loadsByRun = new Map<string, PageLoad[]>(seeded.map((run) => [run.runId, []]));
  console.log(`Measuring: ${loads} loads of each run page, alternating…`);
  for (let load = 0; load < loads && !lifecycle.interrupted; load++) {
    for (const run of seeded) loadsByRun.get(run.runId)!.push(await open(run.runId));
  }

  const measurements: Measurement[] = seeded.flatMap((run) => {
    const runs = loadsByRun.get(run.runId)!;
    const median = (pick: (load: PageLoad) => number) => percentile(runs.map(pick), 50);
    const name = `${run.steps.toLocaleString('en')} steps`;
    return [
      {
        key: `interactive.${run.steps}`,
        label: `${name}: interactive, median`,
        ms: median((load) => load.interactiveMs),
        target: { op: '<', ms: run.targetMs } as const,
      },
      { key: `html.${run.steps}`, label: `${name}: HTML arrived, median`, ms: median((load) => load.htmlMs) },
      {
        key: `trace.${run.steps}`,
        label: `${name}: Trace tab to first bar, median`,
        ms: median((load) => load.traceDrawnMs),
      },
    ];
  });
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  await reportAndSave(
    RESULTS_FILE,
    [
      `Trace bench: headless Chromium (${os.cpus().length} CPUs, software rendering), next start, ${loads} loads of each run page`,
      'Interactive: from navigation start to the first frame with the graph drawn and the page hydrated.',
      'Payloads (what the page loads):',
      ...seeded.map(
        (run) =>
          `  ${run.steps.toLocaleString('en')} steps: HTML ${kb(loadsByRun.get(run.runId)![0].htmlBytes)}, ` +
          `GET /api/runs/:id ${kb(run.sizes.runBytes)}, live stream snapshot ${kb(run.sizes.snapshotBytes)}`,
      ),
    ],
    measurements,
    {
      loads,
      cpus: os.cpus().length,
      stepsRecorded: seeded.map((run) => run.steps),
      payloadBytes: Object.fromEntries(
        seeded.map((run) => [
          run.steps,
          { html: loadsByRun.get(run.runId)![0].htmlBytes, run: run.sizes.runBytes, snapshot: run.sizes.snapshotBytes },
        ]),
      ),
    },
  );
}

lifecycle.run('bench:trace', main);
