import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import { TestServer } from '../support/test-server';

const server = new TestServer();
let base = '';

beforeAll(async () => {
  base = await server.start();
});
afterAll(() => server.stop());

describe("a node's recorded input", () => {
  it('is its config as resolved for the attempt, with values under secret-named keys masked', async () => {
    const workflowId = await publishWorkflow('resolved input', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        {
          id: 'fetch',
          type: 'http.request',
          config: {
            method: 'GET',
            url: `${base}/orders/{{ input.orderId }}`,
            headers: { 'X-Api-Key': 'typed-in-key', Accept: 'application/json' },
            auth: { type: 'bearer', token: 'typed-in-token' },
          },
        },
      ],
      edges: [{ source: 'start', target: 'fetch' }],
    });
    const run = await waitForRun(await startRun(workflowId, { orderId: 'A-17' }));
    expect(run.status).toBe('SUCCEEDED');
    // The server did receive the real values: only the record is masked.
    expect(server.requests('/orders/A-17')[0].headers['x-api-key']).toBe('typed-in-key');
    const step = run.steps.find((candidate: { nodeId: string }) => candidate.nodeId === 'fetch');
    expect(step.input).toEqual({
      method: 'GET',
      url: `${base}/orders/A-17`,
      headers: { 'X-Api-Key': '[redacted]', Accept: 'application/json' },
      auth: { type: 'bearer', token: '[redacted]' },
    });
  });
});
