// Where the editor's first render goes: the same platform and imported graphs as bench/editor,
// the server's time for the editor page beside a plain page, each load's milestones, and one
// load traced over CDP (main-thread work by kind, CPU by script; the trace and CPU profile are
// left in /tmp/editor-<size>-*.json for DevTools). For finding what to cut, not for comparing
// figures (bench/editor/main.ts does that):
//   flock /tmp/platform.lock node --import tsx bench/editor/profile.ts [--sizes 100,1000] [--loads 3]
//     [--server-prof <dir>]  (the web server's CPU profile, written when the platform stops)
//     [--pan]  (one more load, panned as bench/editor does: frame times and main-thread time per
//              frame untraced, twice, for each of --pan-variants; then traced for each of
//              --traced-variants, the trace and CPU profile left in /tmp/editor-pan-<variant>-*.json)
//     [--pan-variants "everything shown,no nodes"] [--traced-variants "everything shown"]
//              (names from PAN_VARIANTS: CSS added for the pan, to tell what a frame's work goes to)
//     [--pan-zoom 1]  (the zoom the pans run at, set through React Flow's store; the fitted one without)
// Each page's HTML is left in /tmp/editor-page-*.html.
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../tests/support/browser';
import { BenchLifecycle, expectStatus } from '../shared/lifecycle';
import { serverProfileEnv, timeServerPath } from '../shared/server-timing';
import { READ_TIMINGS, startPageProfile, stopPageProfile } from '../shared/page-profile';
import { pan, WATCH_FIRST_RENDER } from './canvas';
import type { NodeTypeInfo } from './graph';
import { importGraph } from './import-graph';
import { startBenchPlatform } from './platform';

interface Load {
  firstRender: { atMs: number; nodes: number };
  firstNodesAt: number;
  timings: {
    nav: Record<string, number>;
    paint: Record<string, number>;
    resources: { name: string; start: number; end: number; decoded: number }[];
  };
  viewport: { atFirstRender: unknown; later: string };
  cookie: string;
  work?: unknown;
  cpu?: unknown;
}

/** The CSS each untraced pan adds, to tell what a frame's work goes to. */
const PAN_VARIANTS: [string, string][] = [
  ['everything shown', ''],
  ['no minimap', '.react-flow__minimap { display: none !important }'],
  ['no dot grid', '[data-testid=dot-grid] { display: none !important }'],
  ['handles without transforms', '.react-flow__handle-left, .react-flow__handle-right { transform: none !important }'],
  ['no edges', '.react-flow__edges { display: none !important }'],
  ['no nodes', '.react-flow__nodes { display: none !important }'],
  ['empty nodes', '[data-testid=flow-node] > * { display: none !important }'],
  ['handles invisible', '.react-flow__handle { visibility: hidden }'],
  ['nodes without icon and type', '[data-node-icon], [data-testid=flow-node] .font-mono { display: none }'],
  ['icons invisible', '[data-node-icon] { visibility: hidden }'],
  [
    'nodes as boxes',
    '[data-testid=flow-node] > :not(.react-flow__handle) { display: none } .react-flow__handle { visibility: hidden }',
  ],
  ['viewport composited', '.react-flow__viewport { will-change: transform }'],
  [
    'viewport alone composited',
    '.react-flow__viewport { will-change: transform } .react-flow__minimap, [data-testid=dot-grid] { display: none !important }',
  ],
];

/** Counts the DOM's changes by element and attribute until `__stopMutations()` returns the most frequent. */
const WATCH_MUTATIONS = `(() => {
  const counts = new Map();
  const describe = (node) => node.nodeType === 1
    ? node.tagName.toLowerCase() + (node.getAttribute('class') ? '.' + node.getAttribute('class').split(' ').slice(0, 2).join('.') : '')
    : '#' + node.nodeName;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const key = record.type + ' ' + (record.attributeName ?? '') + ' on ' + describe(record.target);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  });
  observer.observe(document, { subtree: true, attributes: true, childList: true, characterData: true });
  window.__stopMutations = () => {
    observer.disconnect();
    return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 15);
  };
})()`;

async function profileLoad(
  browser: Browser,
  options: {
    webUrl: string;
    sessionCookie: string;
    workflowId: string;
    traceTo?: string;
    canvasCookie?: string;
    pan?: boolean;
    panVariants: string[];
    tracedVariants: string[];
    panZoom?: number;
  },
): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const [name, value] = options.sessionCookie.split(/=(.*)/s, 2);
    await context.addCookies([{ name, value, url: options.webUrl, httpOnly: true, sameSite: 'Lax' }]);
    if (options.canvasCookie) {
      const [canvasName, canvasValue] = options.canvasCookie.split('=');
      await context.addCookies([{ name: canvasName, value: canvasValue, url: options.webUrl }]);
    }
    await context.addInitScript({ content: WATCH_FIRST_RENDER });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') console.log(`page error: ${message.text().slice(0, 300)}`);
    });
    page.on('pageerror', (error) => console.log(`page exception: ${error.message.slice(0, 300)}`));
    const session = await context.newCDPSession(page);
    if (options.traceTo) await startPageProfile(session);
    await page.goto(`${options.webUrl}/workflows/${options.workflowId}`, { waitUntil: 'commit' });
    const firstRender = (await page.evaluate('window.__firstRender')) as Load['firstRender'];
    const firstNodesAt = (await page.evaluate('window.__firstNodesAt')) as number;
    const timings = (await page.evaluate(READ_TIMINGS)) as Load['timings'];
    const viewAt = () => page.evaluate(`document.querySelector('.react-flow__viewport').style.transform`);
    const viewport = { atFirstRender: await viewAt(), later: '' };
    await page.waitForTimeout(1_000);
    viewport.later = (await viewAt()) as string;
    const cookie = (await page.evaluate('document.cookie')) as string;
    const load: Load = { firstRender, firstNodesAt, timings, viewport, cookie };
    if (options.traceTo) Object.assign(load, await stopPageProfile(session, firstRender.atMs, options.traceTo));
    if (options.pan) {
      await session.send('Performance.enable');
      const metrics = async () => {
        const { metrics: list } = await session.send('Performance.getMetrics');
        return Object.fromEntries(list.map(({ name, value }) => [name, value]));
      };
      const applyVariant = (css: string) =>
        page.evaluate(`document.getElementById('pan-variant')?.remove();
          const style = document.createElement('style');
          style.id = 'pan-variant';
          style.textContent = ${JSON.stringify(css)};
          document.head.append(style);`);
      if (options.panZoom) {
        const zoomed = await page.evaluate(`(() => {
          const canvas = document.querySelector('.react-flow');
          let fiber = canvas[Object.keys(canvas).find((key) => key.startsWith('__reactFiber$'))];
          for (; fiber; fiber = fiber.return) {
            const store = fiber.memoizedProps?.value;
            if (typeof store?.getState !== 'function' || !store.getState().panZoom) continue;
            const { transform: [x, y, zoom], panZoom } = store.getState();
            const scale = ${options.panZoom} / zoom;
            panZoom.setViewport({ x: x * scale, y: y * scale, zoom: ${options.panZoom} });
            return true;
          }
          return false;
        })()`);
        await page.waitForTimeout(500);
        console.log(`zoomed to ${options.panZoom} for the pans: ${zoomed}, ${await viewAt()}`);
      }
      for (const round of [1, 2]) {
        for (const [name, css] of PAN_VARIANTS.filter(([name]) => options.panVariants.includes(name))) {
          await applyVariant(css);
          await page.evaluate(WATCH_MUTATIONS);
          const before = await metrics();
          const plain = (await pan(page)).sort((a, b) => a - b);
          const after = await metrics();
          const mutations = await page.evaluate('window.__stopMutations()');
          const perFrame = (metric: string) => (((after[metric] - before[metric]) * 1000) / plain.length).toFixed(2);
          console.log(
            `pan ${round}, ${name}: ${plain.length} frames, p95 ${plain[Math.floor(plain.length * 0.95)]}, ` +
              `over 20 ms: ${plain.filter((f) => f > 20).length}; ms per frame: task ${perFrame('TaskDuration')}, ` +
              `script ${perFrame('ScriptDuration')}, layout ${perFrame('LayoutDuration')}, ` +
              `style ${perFrame('RecalcStyleDuration')}`,
          );
          if (round === 1) console.log(`DOM changes during the pan: ${JSON.stringify(mutations)}`);
        }
      }
      for (const [name, css] of PAN_VARIANTS.filter(([name]) => options.tracedVariants.includes(name))) {
        await applyVariant(css);
        const slug = name.replaceAll(' ', '-');
        await startPageProfile(session);
        await pan(page);
        const { cpu } = await stopPageProfile(session, 0, `/tmp/editor-pan-${slug}`);
        console.log(`pan traced with ${name}: CPU profile and trace in /tmp/editor-pan-${slug}-*.json`);
        console.log(JSON.stringify(cpu, null, 1));
      }
    }
    return load;
  } finally {
    await context.close();
  }
}

const lifecycle = new BenchLifecycle();

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100,1000' },
      loads: { type: 'string', default: '3' },
      'server-prof': { type: 'string' },
      pan: { type: 'boolean', default: false },
      'pan-variants': { type: 'string', default: 'everything shown' },
      'traced-variants': { type: 'string', default: 'everything shown' },
      'pan-zoom': { type: 'string' },
    },
  });
  const starting = startBenchPlatform(serverProfileEnv(values['server-prof']));
  lifecycle.onStop(async () => (await starting.catch(() => undefined))?.stop());
  const platform = await starting;
  const nodes = await platform.ownerFetch('/api/nodes');
  const { items } = (await expectStatus(nodes, 200, 'GET /api/nodes')) as { items: NodeTypeInfo[] };
  const types = new Map(items.map((item) => [item.type, item]));
  const graphs = [];
  for (const size of values.sizes.split(',').map(Number)) {
    graphs.push({ size, ...(await importGraph(platform, size, types)) });
  }
  const timeServer = (path: string) =>
    timeServerPath(platform.ownerFetch, path, `/tmp/editor-page${path.replaceAll('/', '-')}.html`);
  await timeServer('/profile');
  for (const graph of graphs) await timeServer(`/workflows/${graph.id}`);

  const browser = await launchBrowser();
  lifecycle.onStop(async () => void (browser.isConnected() && (await browser.close())));
  for (const graph of graphs) {
    const open = (canvasCookie?: string, traceTo?: string, panToo = false) =>
      profileLoad(browser, {
        webUrl: platform.info.webUrl,
        sessionCookie: platform.info.owner.sessionCookie,
        workflowId: graph.id,
        traceTo,
        canvasCookie,
        pan: panToo,
        panVariants: values['pan-variants'].split(','),
        tracedVariants: values['traced-variants'].split(','),
        panZoom: values['pan-zoom'] ? Number(values['pan-zoom']) : undefined,
      });
    const firstVisit = await open();
    console.log(
      `first visit: ${JSON.stringify({ firstRender: firstVisit.firstRender, viewport: firstVisit.viewport })}`,
    );
    const canvasCookie = firstVisit.cookie.split('; ').find((cookie) => cookie.startsWith('fo-canvas-size='));
    console.log(`returning with ${canvasCookie}`);
    console.log(`== ${graph.size} nodes: plain loads`);
    let last: Load | undefined;
    for (let i = 0; i < Number(values.loads); i++) {
      last = await open(canvasCookie);
      const { nav, paint } = last.timings;
      console.log(
        JSON.stringify({
          firstRender: last.firstRender.atMs,
          nodes: last.firstRender.nodes,
          firstNodes: last.firstNodesAt,
          requestStart: nav.requestStart,
          ttfb: nav.responseStart,
          html: nav.responseEnd,
          dcl: nav.domContentLoaded,
          fcp: paint['first-contentful-paint'],
          viewport: last.viewport,
        }),
      );
    }
    console.log(JSON.stringify(last!.timings.resources));
    const traced = await open(canvasCookie, `/tmp/editor-${graph.size}`);
    console.log(`== ${graph.size} nodes: traced load (slower for the tracing)`);
    console.log(JSON.stringify({ firstRender: traced.firstRender, firstNodes: traced.firstNodesAt }));
    console.log(JSON.stringify(traced.work, null, 1));
    console.log(JSON.stringify(traced.cpu, null, 1));
    if (values.pan) {
      console.log(`== ${graph.size} nodes: panning`);
      await open(canvasCookie, undefined, true);
    }
  }
}

lifecycle.run('bench/editor/profile', main);
