import { afterEach, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ownerPage, screenshotPath } from './browser';

/** A node on the canvas, by its id. */
export const flowNode = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/** Opens a workflow's editor as the test owner and waits until its draft is live. */
export async function openEditor(browser: Browser, workflowId: string, viewport = { width: 1440, height: 900 }) {
  const page = await ownerPage(browser, viewport);
  await page.goto(`${inject('platform').webUrl}/workflows/${workflowId}`);
  await page.getByTestId('connection-state').filter({ hasText: 'Live' }).waitFor();
  return page;
}

/** Keeps a screenshot of the page as a failed test of the suite left it, named after the test. */
export function screenshotOnFailure(page: () => Page | undefined) {
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      await page()?.screenshot({ path: screenshotPath(`dbg-${context.task.name.slice(0, 20)}`) });
    }
  });
}
