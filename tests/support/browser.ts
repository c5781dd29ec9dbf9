import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

export const screenshotDir = path.resolve('test-results/screenshots');

/** Debian's Chromium, headless; the flags keep it from reaching for Google's services. */
export async function launchBrowser(): Promise<Browser> {
  await mkdir(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const screenshotPath = (name: string) => path.join(screenshotDir, `${name}.png`);

/** A page in a fresh browser context that carries the test owner's session cookie. */
export async function ownerPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const { webUrl, owner } = inject('platform');
  const context = await browser.newContext({ viewport });
  const [name, value] = owner.sessionCookie.split(/=(.*)/s, 2);
  await context.addCookies([{ name, value, url: webUrl, httpOnly: true, sameSite: 'Lax' }]);
  return context.newPage();
}

/** Chromium for the enclosing `describe`: launched before its tests, closed after them. */
export function browserForSuite(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}
