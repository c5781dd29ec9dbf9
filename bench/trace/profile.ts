// Where the run page's load goes: the same platform and seeded runs as bench/trace, the server's
// time for the page beside a plain page and the run's API, each load's timings (TTFB, HTML,
// graph drawn, hydrated, every resource), and one load traced over CDP (main-thread work by
// kind, CPU by script; the trace and CPU profile are left in /tmp/run-page-*.json for DevTools).
// For finding what to cut, not for comparing figures (bench/trace/main.ts does that):
//   flock /tmp/platform.lock node --import tsx bench/trace/profile.ts [--steps 500,10000] [--loads 3]
//     [--server-prof <dir>]  (the web server's CPU profile, written when the platform stops)
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../tests/support/browser';
import { startBenchPlatform } from '../editor/platform';
import { BenchLifecycle } from '../shared/lifecycle';
import { serverProfileEnv, timeServerPath } from '../shared/server-timing';
import { seedRun } from './seed';
import { READ_TIMINGS, startPageProfile, stopPageProfile } from '../shared/page-profile';

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

async function profileLoad(browser: Browser, webUrl: string, sessionCookie: string, runId: string, detail: boolean) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const [name, value] = sessionCookie.split(/=(.*)/s, 2);
    await context.addCookies([{ name, value, url: webUrl, httpOnly: true, sameSite: 'Lax' }]);
    await context.addInitScript({ content: WATCH });
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    if (detail) await startPageProfile(session);
    await page.goto(`${webUrl}/runs/${runId}`);
    const marks = (await page.evaluate('window.__interactive')) as Record<string, number>;
    await page.waitForTimeout(300);
    const timings = (await page.evaluate(READ_TIMINGS)) as Record<string, unknown>;
    let work: unknown;
    let cpu: unknown;
    if (detail) {
      ({ work, cpu } = await stopPageProfile(session, marks.interactive, `/tmp/run-page-${runId}`));
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
  const starting = startBenchPlatform({
    OTEL_EXPORTER_OTLP_ENDPOINT: '',
    ...serverProfileEnv(values['server-prof']),
  });
  lifecycle.onStop(async () => (await starting.catch(() => undefined))?.stop());
  const platform = await starting;
  const runs = [];
  for (const steps of values.steps.split(',').map(Number)) runs.push(await seedRun(platform, steps));
  const browser = await launchBrowser();
  lifecycle.onStop(async () => void (browser.isConnected() && (await browser.close())));
  const timeServer = (path: string) => timeServerPath(platform.ownerFetch, path);
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
