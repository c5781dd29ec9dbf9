import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import { TestServer } from '../support/test-server';

const server = new TestServer();
let base = '';
beforeAll(async () => {
  base = await server.start();
});
afterAll(() => server.stop());

describe('engine: large outputs and the code node', () => {
  it('keeps a large node output out of Temporal payloads and returns it through the API', async () => {
    const rows = Array.from({ length: 4_000 }, (_, i) => ({ id: i, text: 'x'.repeat(90) }));
    server.on('/big', () => ({ json: { rows } }));
    const workflowId = await publishWorkflow('large output', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'big', type: 'http.request', config: { url: `${base}/big` } },
        { id: 'out', type: 'flow.output', config: { value: '{{ nodes.big.output }}' } },
      ],
      edges: [
        { source: 'start', target: 'big' },
        { source: 'big', target: 'out' },
      ],
    });
    const run = await waitForRun(await startRun(workflowId));
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output.body.rows).toHaveLength(4_000);
    const stored = await db().runPayload.findMany({ where: { runId: run.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0].sizeBytes).toBeGreaterThan(256 * 1024);
  });

  it('runs user code, logs its console, and survives escape attempts', async () => {
    const workflowId = await publishWorkflow('code', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        {
          id: 'escape',
          type: 'code.javascript',
          config: { code: "return this.constructor.constructor('return process')().env", timeoutMs: 500 },
          settings: { onError: 'continue', retry: { maxAttempts: 1 } },
        },
        {
          id: 'spin',
          type: 'code.javascript',
          config: { code: 'while (true) {}', timeoutMs: 300 },
          settings: { onError: 'continue', retry: { maxAttempts: 1 } },
        },
        {
          id: 'sum',
          type: 'code.javascript',
          config: {
            code: "console.log('summing', input.length); return input.reduce((a, b) => a + b, 0)",
            input: '{{ input.numbers }}',
          },
        },
        {
          id: 'out',
          type: 'flow.output',
          config: {
            value: {
              sum: '{{ nodes.sum.output }}',
              escape: '{{ nodes.escape.output.error.type }}',
              spin: '{{ nodes.spin.output.error.type }}',
            },
          },
        },
      ],
      edges: [
        { source: 'start', target: 'escape' },
        { source: 'escape', target: 'spin' },
        { source: 'spin', target: 'sum' },
        { source: 'sum', target: 'out' },
      ],
    });
    const run = await waitForRun(await startRun(workflowId, { numbers: [1, 2, 3, 4] }));
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output.sum).toBe(10);
    expect(run.output.spin).toBe('CodeTimeout');
    expect(run.output.escape).toBe('ReferenceError');
    const logs = await db().runLog.findMany({ where: { runId: run.id, nodeId: 'sum' } });
    expect(logs.map((log) => log.message)).toContain('summing 4');
  });
});
