// How the editor holds up on big workflows: first render and frame times of the canvas in
// headless Chromium on graphs of 100 and 1,000 nodes, and how fast an edit reaches 2 and 20
// collaborators. Each figure is printed beside its target and the previous run's:
//   npm run bench:editor -- [--loads 5] [--edits 300]
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../tests/support/browser';
import { collabConnection } from '../../tests/support/collab-client';
import { measureCanvas, type CanvasRun } from './canvas';
import type { NodeTypeInfo } from './graph';
import { importGraph } from './import-graph';
import { startBenchPlatform } from './platform';
import { measurePropagation } from './propagation';
import { BenchLifecycle, expectStatus } from '../shared/lifecycle';
import { percentile, reportAndSave, type Measurement } from './report';

const GRAPH_SIZES = [100, 1_000] as const;
const CLIENT_COUNTS = [2, 20] as const;
const RESULTS_FILE = fileURLToPath(new URL('./results/last.json', import.meta.url));

function readOptions() {
  const { values } = parseArgs({
    options: { loads: { type: 'string', default: '5' }, edits: { type: 'string', default: '300' } },
  });
  const count = (name: 'loads' | 'edits') => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number of 1 or more`);
    return value;
  };
  return { loads: count('loads'), edits: count('edits') };
}

const lifecycle = new BenchLifecycle();

async function main() {
  const { loads, edits } = readOptions();
  console.log('Building and starting the platform as the tests do (next build, next start, worker, collab)…');
  const starting = startBenchPlatform();
  // A stop asked for mid-start waits for the platform to be up, then stops it.
  lifecycle.onStop(async () => (await starting.catch(() => undefined))?.stop());
  const platform = await starting;
  if (lifecycle.interrupted) return;

  const nodes = await platform.ownerFetch('/api/nodes');
  const { items } = (await expectStatus(nodes, 200, 'GET /api/nodes')) as { items: NodeTypeInfo[] };
  const types = new Map(items.map((item) => [item.type, item]));
  const graphs = new Map<number, Awaited<ReturnType<typeof importGraph>>>();
  for (const size of GRAPH_SIZES) graphs.set(size, await importGraph(platform, size, types));

  const browser: Browser = await launchBrowser();
  lifecycle.onStop(async () => {
    if (browser.isConnected()) await browser.close();
  });
  const open = (size: number, canvasSize?: string) =>
    measureCanvas(browser, {
      webUrl: platform.info.webUrl,
      sessionCookie: platform.info.owner.sessionCookie,
      workflowId: graphs.get(size)!.id,
      canvasSize,
      gestures: canvasSize !== undefined,
    });
  // The warm-up is a first visit: the canvas's size it leaves in its cookie is what a returning
  // visit brings.
  console.log('Warming up: one load of each graph…');
  const remembered = new Map<number, string>();
  for (const size of GRAPH_SIZES) {
    const { canvasSize } = await open(size);
    if (!canvasSize) throw new Error('The editor left no fo-canvas-size cookie: the server cannot fit the first view');
    remembered.set(size, canvasSize);
  }
  const canvas = new Map<number, CanvasRun[]>(GRAPH_SIZES.map((size) => [size, []]));
  const firstVisits = new Map<number, CanvasRun[]>(GRAPH_SIZES.map((size) => [size, []]));
  console.log(`Measuring the canvas: ${loads} returning and ${loads} first visits of each graph, alternating…`);
  for (let load = 0; load < loads && !lifecycle.interrupted; load++) {
    for (const size of GRAPH_SIZES) {
      canvas.get(size)!.push(await open(size, remembered.get(size)));
      firstVisits.get(size)!.push(await open(size));
    }
  }
  // The browser would compete with the collab clients for the two cores.
  await browser.close();

  const biggest = graphs.get(GRAPH_SIZES[GRAPH_SIZES.length - 1])!;
  const connection = await collabConnection(biggest.id, (path) => platform.ownerFetch(path));
  const nodeIds = biggest.definition.nodes.slice(0, 50).map((node) => node.id);
  const propagation = new Map<number, number[]>();
  for (const clients of CLIENT_COUNTS) {
    if (lifecycle.interrupted) return;
    console.log(`Measuring propagation: ${clients} clients, ${edits} edits…`);
    propagation.set(clients, await measurePropagation(connection, { clients, edits, nodeIds }));
  }

  const measurements: Measurement[] = [];
  for (const size of GRAPH_SIZES) {
    const runs = canvas.get(size)!;
    const name = `${size.toLocaleString('en')} nodes`;
    const big = size === 1_000;
    measurements.push(
      {
        key: `first-render.${size}`,
        label: `${name}: first render, median of loads`,
        ms: percentile(
          runs.map((run) => run.firstRenderMs),
          50,
        ),
        ...(big ? { target: { op: '<', ms: 1_000 } as const } : {}),
      },
      {
        key: `first-render-first-visit.${size}`,
        label: `${name}: first render on a first visit`,
        ms: percentile(
          firstVisits.get(size)!.map((run) => run.firstRenderMs),
          50,
        ),
      },
      ...(['pan', 'zoom'] as const).flatMap((gesture) => {
        const frames = runs.flatMap((run) => (gesture === 'pan' ? run.panFramesMs : run.zoomFramesMs));
        return ([50, 95] as const).map((p) => ({
          key: `${gesture}.${size}.p${p}`,
          label: `${name}: ${gesture} frame p${p}`,
          ms: percentile(frames, p),
          ...(big && gesture === 'pan' && p === 95 ? { target: { op: '<=', ms: 18 } as const } : {}),
        }));
      }),
    );
  }
  for (const clients of CLIENT_COUNTS) {
    const times = propagation.get(clients)!;
    for (const p of [50, 99] as const) {
      measurements.push({
        key: `propagation.${clients}.p${p}`,
        label: `${clients} clients: propagation p${p}`,
        ms: percentile(times, p),
        ...(p === 99 ? { target: { op: '<=', ms: 50 } as const } : {}),
      });
    }
  }

  const setup = {
    loads,
    edits,
    cpus: os.cpus().length,
    nodesDrawnAtFirstRender: Object.fromEntries(GRAPH_SIZES.map((size) => [size, canvas.get(size)![0].nodesDrawn])),
    edgesPerGraph: Object.fromEntries(GRAPH_SIZES.map((size) => [size, graphs.get(size)!.definition.edges?.length])),
  };
  const median = (size: number, pick: (run: CanvasRun) => number) => percentile(canvas.get(size)!.map(pick), 50);
  const breakdown = GRAPH_SIZES.map(
    (size) =>
      `  ${size} nodes: HTML ${median(size, (run) => run.milestones.responseEnd).toFixed(0)}, ` +
      `DOMContentLoaded ${median(size, (run) => run.milestones.domContentLoaded).toFixed(0)}, ` +
      `first node ${median(size, (run) => run.milestones.firstNodes).toFixed(0)}, ` +
      `rendered ${median(size, (run) => run.firstRenderMs).toFixed(0)}; ` +
      `long tasks before it ${median(size, (run) => run.milestones.longTasksMs).toFixed(0)} ms, ` +
      `scripts ${median(size, (run) => run.milestones.scriptKb).toFixed(0)} KB`,
  );
  await reportAndSave(
    RESULTS_FILE,
    [
      `Editor bench: headless Chromium (${os.cpus().length} CPUs, software rendering), next start, ` +
        `${loads} loads of each graph, ${edits} edits per client count`,
      `Nodes drawn at first render: ${GRAPH_SIZES.map((size) => `${setup.nodesDrawnAtFirstRender[size]} of ${size}`).join(', ')}`,
      'Where first render went (medians, ms since navigation start):',
      ...breakdown,
      'First render: from navigation start to the first of 10 frames in a row that draw the same number',
      `of nodes, with the canvas size (${[...new Set(remembered.values())].join(', ')}) an earlier visit left in its cookie;`,
      'on a first visit the server assumes a size and the page fits the view again. Frames: intervals',
      'between animation frames while dragging the canvas (6 drags of 60 moves) or wheeling (32 wheel',
      'events). Propagation: from one client moving a node until every',
      'other client has the new position (Node clients, one process).',
    ],
    measurements,
    setup,
  );
}

lifecycle.run('bench:editor', main);
