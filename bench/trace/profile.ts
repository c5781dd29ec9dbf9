// Where the run page's load goes: the same platform and seeded runs as bench/trace, the server's
// time for the page beside a plain page and the run's API, each load's timings (TTFB, HTML,
// graph drawn, hydrated, every resource), and one load traced over CDP (main-thread work by
// kind, CPU by script; the trace and CPU profile are left in /tmp/run-page-*.json for DevTools).
// For finding what to cut, not for comparing figures (bench/trace/main.ts does that):
//   flock /tmp/platform.lock node --import tsx bench/trace/profile.ts [--steps 500,10000] [--loads 3]
//     [--server-prof <dir>]  (the web server's CPU profile, written when the platform stops)
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Browser, CDPSession } from 'playwright-core';
import { launchBrowser } from '../../tests/support/browser';
import { startBenchPlatform } from '../editor/platform';
import { BenchLifecycle } from '../shared/lifecycle';
import { seedRun } from './seed';

const WATCH = `
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });
window.__interactive = new Promise((resolve) => {
  const hydrated = (element) => element && Object.keys(element).some((key) => key.startsWith('__reactProps'));
  const marks = {};
  const tick = (now) => {
    const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent === 'Trace');
    const node = document.querySelector('.react-flow__node');
    if (node && !marks.node) marks.node = now;
    if (hydrated(tab) && !marks.hydrated) marks.hydrated = now;
    if (node && hydrated(tab)) return resolve({ interactive: now, ...marks });
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});
`;

const READ_TIMINGS = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]));
  const resources = performance.getEntriesByType('resource').map((r) => ({
    name: r.name.replace(location.origin, ''),
    start: r.startTime,
    responseStart: r.responseStart,
    end: r.responseEnd,
    transfer: r.transferSize,
    decoded: r.decodedBodySize,
  }));
  return {
    nav: {
      requestStart: nav.requestStart,
      responseStart: nav.responseStart,
      responseEnd: nav.responseEnd,
      domInteractive: nav.domInteractive,
      domContentLoaded: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
      transfer: nav.transferSize,
    },
    paint,
    resources,
    longTasks: window.__longTasks,
  };
})()`;

// The main-thread events that run the page's scripts or parse its document, listed one by one
// when they take over 3 ms.
const SCRIPT_WORK = new Set([
  'EvaluateScript',
  'v8.compile',
  'v8.evaluateModule',
  'FunctionCall',
  'RunMicrotasks',
  'TimerFire',
  'FireAnimationFrame',
  'EventDispatch',
  'ParseHTML',
]);

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat: string;
  args?: Record<string, unknown> & { data?: Record<string, unknown>; name?: string };
}

async function readStream(session: CDPSession, handle: string): Promise<string> {
  let text = '';
  for (;;) {
    const chunk = await session.send('IO.read', { handle });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await session.send('IO.close', { handle });
  return text;
}

/** Self time of each kind of main-thread event from navigation start to `untilMs`, and where it started. */
function mainThreadWork(events: TraceEvent[], untilMs: number) {
  const main = events.find(
    (e) =>
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      events.some((n) => n.name === 'navigationStart' && n.pid === e.pid && n.tid === e.tid),
  );
  if (!main) return { byKind: {}, scripts: [] };
  const navStart = events.find((e) => e.name === 'navigationStart' && e.pid === main.pid && e.tid === main.tid)!.ts;
  const until = navStart + untilMs * 1000;
  const complete = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .filter((e) => e.ts >= navStart && e.ts < until)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { end: number; name: string; childTime: number; dur: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length && stack.at(-1)!.end <= upTo) {
      const done = stack.pop()!;
      self.set(done.name, (self.get(done.name) ?? 0) + done.dur - done.childTime);
    }
  };
  for (const e of complete) {
    close(e.ts);
    if (stack.length) stack.at(-1)!.childTime += e.dur!;
    stack.push({ end: e.ts + e.dur!, name: e.name, childTime: 0, dur: e.dur! });
  }
  close(Infinity);
  const byKind = Object.fromEntries(
    [...self]
      .filter(([, us]) => us > 1000)
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => [name, +(us / 1000).toFixed(1)]),
  );
  const scripts = complete
    .filter((e) => SCRIPT_WORK.has(e.name))
    .filter((e) => e.dur! > 3000)
    .map((e) => ({
      at: +((e.ts - navStart) / 1000).toFixed(1),
      ms: +(e.dur! / 1000).toFixed(1),
      name: e.name,
      what: String(e.args?.data?.url ?? e.args?.data?.functionName ?? e.args?.data?.type ?? '').replace(
        /^.*\/_next\//,
        '',
      ),
    }));
  return { byKind, scripts };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

/** CPU self time by script file, and the hottest functions, in ms. */
function cpuByScript(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
  const byUrl = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    const url = frame.url.replace(/^.*\/_next\//, '') || `(${frame.functionName || 'program'})`;
    byUrl.set(url, (byUrl.get(url) ?? 0) + us);
    const fn = `${frame.functionName || '(anonymous)'} ${url}:${frame.lineNumber}:${frame.columnNumber}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const top = (map: Map<string, number>, n: number) =>
    Object.fromEntries(
      [...map]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, us]) => [k, +(us / 1000).toFixed(1)]),
    );
  return { byUrl: top(byUrl, 20), byFunction: top(byFunction, 30) };
}

async function profileLoad(browser: Browser, webUrl: string, sessionCookie: string, runId: string, detail: boolean) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const [name, value] = sessionCookie.split(/=(.*)/s, 2);
    await context.addCookies([{ name, value, url: webUrl, httpOnly: true, sameSite: 'Lax' }]);
    await context.addInitScript({ content: WATCH });
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    if (detail) {
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 200 });
      await session.send('Profiler.start');
      await session.send('Tracing.start', {
        transferMode: 'ReturnAsStream',
        traceConfig: {
          includedCategories: [
            'devtools.timeline',
            'disabled-by-default-devtools.timeline',
            'v8.execute',
            'v8',
            'blink.user_timing',
            'loading',
            'navigation',
            'blink',
          ],
        },
      });
    }
    await page.goto(`${webUrl}/runs/${runId}`);
    const marks = (await page.evaluate('window.__interactive')) as Record<string, number>;
    await page.waitForTimeout(300);
    const timings = (await page.evaluate(READ_TIMINGS)) as Record<string, unknown>;
    let work: unknown;
    let cpu: unknown;
    if (detail) {
      const { profile } = await session.send('Profiler.stop');
      cpu = cpuByScript(profile as never);
      await writeFile(`/tmp/run-page-cpu-${runId}.json`, JSON.stringify(profile));
      const done = new Promise<string>((resolve) =>
        session.once('Tracing.tracingComplete', (event) => resolve(event.stream!)),
      );
      await session.send('Tracing.end');
      const trace = JSON.parse(await readStream(session, await done)) as { traceEvents: TraceEvent[] };
      work = mainThreadWork(trace.traceEvents, marks.interactive);
      await writeFile(`/tmp/run-page-trace-${runId}.json`, JSON.stringify(trace));
    }
    return { marks, timings, work, cpu };
  } finally {
    await context.close();
  }
}

const lifecycle = new BenchLifecycle();

async function main() {
  const { values } = parseArgs({
    options: {
      steps: { type: 'string', default: '500' },
      loads: { type: 'string', default: '3' },
      'server-prof': { type: 'string' },
    },
  });
  const serverProfileDir = values['server-prof'];
  const starting = startBenchPlatform({
    OTEL_EXPORTER_OTLP_ENDPOINT: '',
    ...(serverProfileDir
      ? {
          NODE_OPTIONS: `--import ${new URL('../throughput/cpu-profile-preload.mjs', import.meta.url).href}`,
          BENCH_CPU_PROFILE_DIR: serverProfileDir,
        }
      : {}),
  });
  lifecycle.onStop(async () => (await starting.catch(() => undefined))?.stop());
  const platform = await starting;
  const runs = [];
  for (const steps of values.steps.split(',').map(Number)) runs.push(await seedRun(platform, steps));
  const browser = await launchBrowser();
  lifecycle.onStop(async () => void (browser.isConnected() && (await browser.close())));
  const timeServer = async (path: string) => {
    const times = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      const response = await platform.ownerFetch(path);
      const headersAt = performance.now() - started;
      await response.arrayBuffer();
      times.push([headersAt, performance.now() - started]);
    }
    times.sort((a, b) => a[1] - b[1]);
    const [headersAt, endAt] = times[10];
    console.log(`server ${path}: headers ${headersAt.toFixed(0)} ms, end ${endAt.toFixed(0)} ms (median of 20)`);
  };
  for (const run of runs) {
    await timeServer(`/runs/${run.runId}`);
    await timeServer(`/profile`);
    await timeServer(`/api/runs/${run.runId}`);
  }
  for (const run of runs) {
    const open = (detail: boolean) =>
      profileLoad(browser, platform.info.webUrl, platform.info.owner.sessionCookie, run.runId, detail);
    await open(false);
    const plain: Awaited<ReturnType<typeof open>>[] = [];
    for (let i = 0; i < Number(values.loads); i++) plain.push(await open(false));
    console.log(`== ${run.steps} steps: plain loads`);
    for (const load of plain) {
      const nav = (load.timings as { nav: Record<string, number> }).nav;
      const paint = (load.timings as { paint: Record<string, number> }).paint;
      console.log(
        JSON.stringify({
          ...load.marks,
          ttfb: nav.responseStart,
          html: nav.responseEnd,
          dcl: nav.domContentLoaded,
          fcp: paint['first-contentful-paint'],
        }),
      );
    }
    const median = (pick: (load: (typeof plain)[number]) => number) => {
      const sorted = plain.map(pick).sort((x, y) => x - y);
      return sorted[Math.floor(sorted.length / 2)].toFixed(0);
    };
    const nav = (load: (typeof plain)[number]) => (load.timings as { nav: Record<string, number> }).nav;
    console.log(
      `median of ${plain.length}: interactive ${median((load) => load.marks.interactive)} ms, ` +
        `HTML ${median((load) => nav(load).responseEnd)} ms, TTFB ${median((load) => nav(load).responseStart)} ms, ` +
        `graph node ${median((load) => load.marks.node)} ms`,
    );
    const last = plain.at(-1)!;
    console.log(JSON.stringify(last.timings, null, 1));
    const detailed = await open(true);
    console.log(`== ${run.steps} steps: traced load (slower for the tracing)`);
    console.log(JSON.stringify(detailed.marks));
    console.log(JSON.stringify(detailed.work, null, 1));
    console.log(JSON.stringify(detailed.cpu, null, 1));
  }
}

lifecycle.run('bench/trace/profile', main);
