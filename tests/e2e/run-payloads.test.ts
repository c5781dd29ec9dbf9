import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiFetch } from '../support/api';
import { browserForSuite, ownerPage, screenshotPath } from '../support/browser';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import { TestServer } from '../support/test-server';

const server = new TestServer();
let base = '';
beforeAll(async () => {
  base = await server.start();
});
afterAll(() => server.stop());

const rows = Array.from({ length: 4_000 }, (_, i) => ({ id: i, text: 'x'.repeat(90) }));

async function runWithLargeOutput() {
  server.on('/big', () => ({ json: { rows } }));
  const workflowId = await publishWorkflow('large output on demand', {
    nodes: [
      { id: 'start', type: 'trigger.manual' },
      { id: 'big', type: 'http.request', name: 'Big export', config: { url: `${base}/big` } },
    ],
    edges: [{ source: 'start', target: 'big' }],
  });
  const run = await waitForRun(await startRun(workflowId));
  expect(run.status).toBe('SUCCEEDED');
  const output = run.steps.find((step: { nodeId: string }) => step.nodeId === 'big').output;
  expect(Object.keys(output).sort()).toEqual(['$payloadRef', 'sizeBytes']);
  return { runId: run.id as string, ref: output.$payloadRef as string };
}

describe('outputs stored by reference', () => {
  const browser = browserForSuite();

  it("are served whole by GET /api/runs/:id/payloads/:payloadId, only under their own run's id", async () => {
    const { runId, ref } = await runWithLargeOutput();
    const response = await apiFetch(`/api/runs/${runId}/payloads/${ref}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect((await response.json()).body.rows).toEqual(rows);

    const other = await runWithLargeOutput();
    const crossed = await apiFetch(`/api/runs/${other.runId}/payloads/${ref}`);
    expect(crossed.status).toBe(404);
    expect(await crossed.json()).toEqual({ error: { code: 'not_found', message: 'Payload was not found' } });
    const malformed = await apiFetch(`/api/runs/${runId}/payloads/not-an-id`);
    expect(malformed.status).toBe(404);
  });

  it('are loaded into the node inspector when asked', async () => {
    const { runId } = await runWithLargeOutput();
    const page = await ownerPage(browser());
    await page.goto(`${inject('platform').webUrl}/runs/${runId}?node=big`);
    const output = page.getByRole('complementary', { name: 'Node inspector' }).getByRole('region', { name: 'Output' });
    expect(await output.locator('p').textContent()).toMatch(/^Stored separately \(\d{3} KB\)\. Load output$/);
    await output.getByRole('button', { name: 'Load output' }).click();
    await output.locator('pre').waitFor();
    expect(await output.locator('pre').textContent()).toMatch(/^\{\n {2}"status": 200,/);
    expect(await output.getByRole('button', { name: /^Show all \d+ lines$/ }).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('run-page-loaded-payload') });
  });
});
