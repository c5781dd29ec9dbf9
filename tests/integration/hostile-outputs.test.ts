import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import { TestServer } from '../support/test-server';

const server = new TestServer();
let base = '';
beforeAll(async () => {
  base = await server.start();
});
afterAll(() => server.stop());

const deep = (levels: number) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { down: value };
  return value;
};

describe('outputs the database cannot store', () => {
  it('fail their node with OutputNotStorable, whether a response or user code produced them', async () => {
    server.on('/deep', () => ({ json: deep(300) }));
    server.on('/nul', () => ({ json: { name: 'a\u0000b' } }));
    const step = (id: string, type: string, config: Record<string, unknown>) => ({
      id,
      type,
      config,
      settings: { onError: 'continue' as const, retry: { maxAttempts: 3, initialIntervalMs: 10 } },
    });
    const workflowId = await publishWorkflow('hostile outputs', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        step('deep', 'http.request', { url: `${base}/deep` }),
        step('nul', 'http.request', { url: `${base}/nul` }),
        step('code', 'code.javascript', { code: 'let v = 1; for (let i = 0; i < 500; i++) v = [v]; return v;' }),
      ],
      edges: ['deep', 'nul', 'code'].map((target) => ({ source: 'start', target })),
    });
    const run = await waitForRun(await startRun(workflowId));
    expect(run.status).toBe('SUCCEEDED');
    expect(run.nodes.deep).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      error: {
        type: 'OutputNotStorable',
        message: `Node "deep": output.body${'.down'.repeat(63)} nests objects and arrays more than 64 levels deep`,
      },
    });
    expect(run.nodes.nul.error).toEqual({
      type: 'OutputNotStorable',
      message: 'Node "nul": output.body.name contains a NUL character (\\u0000), which cannot be stored',
    });
    expect(run.nodes.code.error).toMatchObject({ type: 'OutputNotStorable' });
  });
});
