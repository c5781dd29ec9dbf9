import { describe, expect, inject, it } from 'vitest';
import { ownerPage, screenshotPath, browserForSuite } from '../support/browser';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';

describe('runs page', () => {
  const browser = browserForSuite();

  it('lists a finished run with its workflow, version and status', async () => {
    const workflowId = await publishWorkflow('Nightly export', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'out', type: 'flow.output', config: { value: 'done' } },
      ],
      edges: [{ source: 'start', target: 'out' }],
    });
    const runId = await startRun(workflowId);
    expect((await waitForRun(runId)).status).toBe('SUCCEEDED');

    const page = await ownerPage(browser(), { width: 1280, height: 800 });
    await page.goto(`${inject('platform').webUrl}/runs`);
    const row = page.getByRole('row', { name: new RegExp(runId.slice(0, 12)) });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('Nightly export');
    expect(text).toContain('v1');
    expect(text).toContain('succeeded');
    await page.screenshot({ path: screenshotPath('runs') });
  });
});
