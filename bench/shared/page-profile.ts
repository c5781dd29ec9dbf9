import { writeFile } from 'node:fs/promises';
import type { CDPSession } from 'playwright-core';

// Breaking a page load down over CDP, shared by the run page's and the editor's profiles: the
// navigation and resource timings, main-thread work by kind, and CPU by script.

export const READ_TIMINGS = `(() => {
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

/** Starts sampling the page's CPU and tracing its main thread; call before navigating. */
export async function startPageProfile(session: CDPSession) {
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

/**
 * Stops both, and sums the main thread's work up to `untilMs` after navigation start. The CPU
 * profile and the trace are left in `<filePrefix>-cpu.json` and `<filePrefix>-trace.json` for DevTools.
 */
export async function stopPageProfile(session: CDPSession, untilMs: number, filePrefix: string) {
  const { profile } = await session.send('Profiler.stop');
  const cpu = cpuByScript(profile as never);
  await writeFile(`${filePrefix}-cpu.json`, JSON.stringify(profile));
  const done = new Promise<string>((resolve) =>
    session.once('Tracing.tracingComplete', (event) => resolve(event.stream!)),
  );
  await session.send('Tracing.end');
  const trace = JSON.parse(await readStream(session, await done)) as { traceEvents: TraceEvent[] };
  await writeFile(`${filePrefix}-trace.json`, JSON.stringify(trace));
  return { work: mainThreadWork(trace.traceEvents, untilMs), cpu };
}
