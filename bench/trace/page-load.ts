import type { Browser } from 'playwright-core';

// Installed before the page's own scripts; a string, since tsx wraps named functions in a helper
// the page lacks. Interactive is the first animation frame in which the graph has nodes drawn and
// React has hydrated the page (the Trace tab carries React's props), in ms since navigation start.
const WATCH_INTERACTIVE = `
window.__interactive = new Promise((resolve) => {
  const hydrated = (element) => element && Object.keys(element).some((key) => key.startsWith('__reactProps'));
  const tick = (now) => {
    const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent === 'Trace');
    if (document.querySelector('.react-flow__node') && hydrated(tab)) return resolve(now);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});
`;

export interface PageLoad {
  /** Navigation start to graph drawn and page hydrated. */
  interactiveMs: number;
  /** The HTML has arrived (server rendering done), since navigation start. */
  htmlMs: number;
  /** From clicking the Trace tab to its first bar drawn. */
  traceDrawnMs: number;
  /** The HTML document, bytes. */
  htmlBytes: number;
}

/** Opens the run page in a fresh signed-in context and measures it until the trace is drawn. */
export async function measurePageLoad(
  browser: Browser,
  options: { webUrl: string; sessionCookie: string; runId: string },
): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const [name, value] = options.sessionCookie.split(/=(.*)/s, 2);
    await context.addCookies([{ name, value, url: options.webUrl, httpOnly: true, sameSite: 'Lax' }]);
    await context.addInitScript({ content: WATCH_INTERACTIVE });
    const page = await context.newPage();
    const response = await page.goto(`${options.webUrl}/runs/${options.runId}`);
    if (response?.status() !== 200) throw new Error(`the run page answered ${response?.status()}`);
    const htmlBytes = (await response.body()).byteLength;
    const interactiveMs = (await page.evaluate('window.__interactive')) as number;
    const htmlMs = (await page.evaluate("performance.getEntriesByType('navigation')[0].responseEnd")) as number;
    const clickedAt = (await page.evaluate('performance.now()')) as number;
    await page.getByRole('tab', { name: 'Trace' }).click();
    await page.getByTestId('trace-bar').first().waitFor();
    const drawnAt = (await page.evaluate('new Promise((resolve) => requestAnimationFrame(resolve))')) as number;
    return { interactiveMs, htmlMs, traceDrawnMs: drawnAt - clickedAt, htmlBytes };
  } finally {
    await context.close();
  }
}
