import type { Browser, BrowserContext, Page } from 'playwright-core';

// What a person opening and moving around a big workflow feels, measured inside the page.
// The scripts are strings, not functions: tsx wraps named functions in a helper the page lacks.

/** Frames in a row with the same number of nodes drawn before the canvas counts as rendered. */
const STABLE_FRAMES = 10;

/**
 * Installed before the page's own scripts. First render is the start of the first animation
 * frame from which the number of `.react-flow__node` elements stays the same (and above zero)
 * for STABLE_FRAMES frames, in ms since navigation start: the canvas has drawn the draft, fitted
 * the view and drawn the nodes the view shows.
 */
export const WATCH_FIRST_RENDER = `
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const task of list.getEntries()) window.__longTasks.push({ at: task.startTime, ms: task.duration });
}).observe({ type: 'longtask', buffered: true });
window.__firstRender = new Promise((resolve) => {
  let count = -1, since = 0, same = 0;
  const tick = (now) => {
    const nodes = document.querySelectorAll('.react-flow__node').length;
    if (nodes > 0 && window.__firstNodesAt === undefined) window.__firstNodesAt = now;
    if (nodes > 0 && nodes === count) {
      if (++same >= ${STABLE_FRAMES}) return resolve({ atMs: since, nodes });
    } else {
      count = nodes; since = now; same = 0;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});
// The page keeps its canvas's size in a cookie once it has hydrated, which may be after first render.
window.__canvasSizeRemembered = document.cookie.includes('fo-canvas-size=')
  ? Promise.resolve()
  : new Promise((resolve) => cookieStore.addEventListener('change', (event) => {
      if (event.changed.some((cookie) => cookie.name === 'fo-canvas-size')) resolve();
    }));
window.__frames = (() => {
  let times = [], running = false;
  const tick = (now) => { if (running) { times.push(now); requestAnimationFrame(tick); } };
  return {
    start() { times = []; running = true; requestAnimationFrame(tick); },
    stop() { running = false; return times.slice(1).map((time, index) => time - times[index]); },
  };
})();
`;

/** Where the time to first render went, in ms since navigation start unless named otherwise. */
export interface FirstRenderMilestones {
  /** The HTML has arrived (server rendering done). */
  responseEnd: number;
  domContentLoaded: number;
  /** The first frame with any node drawn. */
  firstNodes: number;
  /** Main-thread tasks over 50 ms before first render, summed: parsing, hydration, drawing. */
  longTasksMs: number;
  /** JavaScript the page loaded, decoded. */
  scriptKb: number;
}

export interface CanvasRun {
  firstRenderMs: number;
  milestones: FirstRenderMilestones;
  /** `.react-flow__node` elements in the DOM at first render: only the visible ones on big graphs. */
  nodesDrawn: number;
  /** Intervals between animation frames while dragging the canvas, ms. */
  panFramesMs: number[];
  /** Intervals between animation frames while zooming with the wheel, ms. */
  zoomFramesMs: number[];
  /** The canvas's size as the page remembered it in its cookie (`<width>x<height>`). */
  canvasSize: string | undefined;
}

const VIEWPORT = { width: 1280, height: 900 };

/** The cookie in which the editor keeps its canvas's size, for the server to fit the first view to. */
const CANVAS_SIZE_COOKIE = 'fo-canvas-size';

async function signedInContext(
  browser: Browser,
  webUrl: string,
  sessionCookie: string,
  canvasSize: string | undefined,
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const [name, value] = sessionCookie.split(/=(.*)/s, 2);
  await context.addCookies([{ name, value, url: webUrl, httpOnly: true, sameSite: 'Lax' }]);
  if (canvasSize) await context.addCookies([{ name: CANVAS_SIZE_COOKIE, value: canvasSize, url: webUrl }]);
  await context.addInitScript({ content: WATCH_FIRST_RENDER });
  return context;
}

/** A point of the bare canvas near the middle: a drag there pans instead of moving a node. */
async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(`(() => {
    const box = document.querySelector('.react-flow__pane').getBoundingClientRect();
    const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
    for (let r = 0; r < Math.min(box.width, box.height) / 2; r += 8) {
      for (const [dx, dy] of [[0, 0], [r, 0], [-r, 0], [0, r], [0, -r], [r, r], [-r, -r], [r, -r], [-r, r]]) {
        const el = document.elementFromPoint(cx + dx, cy + dy);
        if (el && el.classList.contains('react-flow__pane')) return { x: cx + dx, y: cy + dy };
      }
    }
    return null;
  })()`);
  if (!point) throw new Error('No bare canvas near the middle of the view to drag: spread the bench graph out');
  return point as { x: number; y: number };
}

const startFrames = (page: Page) => page.evaluate('window.__frames.start()');
const stopFrames = (page: Page) => page.evaluate('window.__frames.stop()') as Promise<number[]>;

/** Drags the canvas around a loop (right across the graph, down, back, up), 60 moves a drag. */
export async function pan(page: Page): Promise<number[]> {
  const frames: number[] = [];
  for (const [dx, dy] of [
    [-700, 0],
    [-700, 0],
    [0, -500],
    [700, 0],
    [700, 0],
    [0, 500],
  ]) {
    const from = await emptyPanePoint(page);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await startFrames(page);
    await page.mouse.move(from.x + dx, from.y + dy, { steps: 60 });
    frames.push(...(await stopFrames(page)));
    await page.mouse.up();
  }
  return frames;
}

/** Wheels in by eight steps of about 1.15× and back out by eight, twice, 16 ms apart. */
async function zoom(page: Page): Promise<number[]> {
  const at = await emptyPanePoint(page);
  await page.mouse.move(at.x, at.y);
  await startFrames(page);
  for (let round = 0; round < 2; round++) {
    for (const deltaY of [...Array(8).fill(-100), ...Array(8).fill(100)]) {
      await page.mouse.wheel(0, deltaY);
      await page.waitForTimeout(16);
    }
  }
  return stopFrames(page);
}

/**
 * Opens the editor on a workflow in a fresh browser context (nothing cached), and measures it.
 * With `canvasSize` the context has the cookie an earlier visit left: the server fits the first
 * view to that size. Without it, as on a first visit, the server assumes a size and the page fits
 * the view again when the canvas is another. `gestures: false` measures the first render only.
 */
export async function measureCanvas(
  browser: Browser,
  options: { webUrl: string; sessionCookie: string; workflowId: string; canvasSize?: string; gestures: boolean },
): Promise<CanvasRun> {
  const context = await signedInContext(browser, options.webUrl, options.sessionCookie, options.canvasSize);
  try {
    const page = await context.newPage();
    await page.goto(`${options.webUrl}/workflows/${options.workflowId}`, { waitUntil: 'commit' });
    const first = (await page.evaluate('window.__firstRender')) as { atMs: number; nodes: number };
    const milestones = (await page.evaluate(`(() => {
      const navigation = performance.getEntriesByType('navigation')[0];
      const scripts = performance.getEntriesByType('resource').filter((entry) => entry.initiatorType === 'script');
      return {
        responseEnd: navigation.responseEnd,
        domContentLoaded: navigation.domContentLoadedEventEnd,
        firstNodes: window.__firstNodesAt,
        longTasksMs: window.__longTasks.filter((task) => task.at < ${first.atMs}).reduce((sum, task) => sum + task.ms, 0),
        scriptKb: scripts.reduce((sum, entry) => sum + entry.decodedBodySize, 0) / 1024,
      };
    })()`)) as FirstRenderMilestones;
    await page.evaluate('window.__canvasSizeRemembered');
    const cookies = await context.cookies(options.webUrl);
    const canvasSize = cookies.find((cookie) => cookie.name === CANVAS_SIZE_COOKIE)?.value;
    const run = { firstRenderMs: first.atMs, milestones, nodesDrawn: first.nodes, canvasSize };
    if (!options.gestures) return { ...run, panFramesMs: [], zoomFramesMs: [] };
    // The draft's problems arrive 400 ms after it does (useDraftProblems) and redraw the nodes:
    // let that pass, so the frames measured are those of moving around.
    await page.waitForTimeout(1_500);
    const panFramesMs = await pan(page);
    const zoomFramesMs = await zoom(page);
    return { ...run, panFramesMs, zoomFramesMs };
  } finally {
    await context.close();
  }
}
