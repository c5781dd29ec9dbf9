import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import { TestServer } from '../support/test-server';
import { temporalClient } from '@/temporal/client';

const server = new TestServer();
let base = '';

beforeAll(async () => {
  base = await server.start();
});
afterAll(() => server.stop());

const get = (id: string, path: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'http.request',
  config: { url: `${base}${path}` },
  ...extra,
});

describe('engine: control flow', () => {
  it('runs parallel branches at the same time and joins them with a merge', async () => {
    server.on('/slow-a', () => ({ delayMs: 700, json: { branch: 'a' } }));
    server.on('/slow-b', () => ({ delayMs: 700, json: { branch: 'b' } }));
    const workflowId = await publishWorkflow('parallel', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'fan', type: 'flow.parallel' },
        get('a', '/slow-a'),
        get('b', '/slow-b'),
        { id: 'join', type: 'flow.merge', config: { mode: 'wait-all' } },
        {
          id: 'out',
          type: 'flow.output',
          config: { value: '{{ [nodes.join.output.a.body.branch, nodes.join.output.b.body.branch] }}' },
        },
      ],
      edges: [
        { source: 'start', target: 'fan' },
        { source: 'fan', target: 'a' },
        { source: 'fan', target: 'b' },
        { source: 'a', target: 'join' },
        { source: 'b', target: 'join' },
        { source: 'join', target: 'out' },
      ],
    });
    const run = await waitForRun(await startRun(workflowId));
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toEqual(['a', 'b']);
    const [a] = server.requests('/slow-a');
    const [b] = server.requests('/slow-b');
    // Overlap: each started before the other ended.
    expect(a.startedAt).toBeLessThan(b.endedAt!);
    expect(b.startedAt).toBeLessThan(a.endedAt!);
  });

  it('routes with switch, and follows the error branch of a failing node', async () => {
    server.on('/broken', () => ({ status: 404, json: { error: 'nope' } }));
    const workflowId = await publishWorkflow('switch and errors', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        {
          id: 'route',
          type: 'logic.switch',
          config: {
            cases: [
              { name: 'eu', when: '{{ input.region = "eu" }}' },
              { name: 'us', when: '{{ input.region = "us" }}' },
            ],
          },
        },
        get('call', '/broken', { settings: { onError: 'error-branch', retry: { maxAttempts: 1 } } }),
        { id: 'usOut', type: 'flow.output', config: { value: 'us' } },
        {
          id: 'fallback',
          type: 'flow.output',
          config: { value: '{{ "recovered: " & nodes.call.output.error.type }}' },
        },
        { id: 'fine', type: 'flow.output', config: { value: 'no error' } },
      ],
      edges: [
        { source: 'start', target: 'route' },
        { source: 'route', sourceHandle: 'eu', target: 'call' },
        { source: 'route', sourceHandle: 'us', target: 'usOut' },
        { source: 'call', sourceHandle: 'error', target: 'fallback' },
        { source: 'call', sourceHandle: 'out', target: 'fine' },
      ],
    });
    const eu = await waitForRun(await startRun(workflowId, { region: 'eu' }));
    expect(eu.status).toBe('SUCCEEDED');
    expect(eu.output).toBe('recovered: HttpError404');
    expect(eu.nodes.usOut.status).toBe('SKIPPED');
    expect(eu.nodes.fine.status).toBe('SKIPPED');
    expect(eu.nodes.call.status).toBe('FAILED');

    const us = await waitForRun(await startRun(workflowId, { region: 'us' }));
    expect(us.output).toBe('us');
    expect(us.nodes.call.status).toBe('SKIPPED');
    expect(us.nodes.fallback.status).toBe('SKIPPED');
  });

  it('loops over items with a concurrency limit and collects results in order', async () => {
    const workflowId = await publishWorkflow('loop', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'each', type: 'flow.forEach', config: { items: '{{ input.numbers }}', concurrency: 2 } },
        { id: 'double', type: 'data.transform', config: { expression: 'loop.item * 2' } },
        { id: 'out', type: 'flow.output', config: { value: '{{ nodes.each.output }}' } },
      ],
      edges: [
        { source: 'start', target: 'each' },
        { source: 'each', sourceHandle: 'each', target: 'double' },
        { source: 'double', target: 'each' },
        { source: 'each', sourceHandle: 'done', target: 'out' },
      ],
    });
    const run = await waitForRun(await startRun(workflowId, { numbers: [1, 2, 3, 4, 5] }));
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toEqual([2, 4, 6, 8, 10]);
    expect(run.nodes.double.iterations).toBe(5);
  });

  it('runs a published workflow as a child and waits for its output', async () => {
    const childId = await publishWorkflow('child', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'out', type: 'flow.output', config: { value: '{{ input.name & "!" }}' } },
      ],
      edges: [{ source: 'start', target: 'out' }],
    });
    const parentId = await publishWorkflow('parent', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'child', type: 'flow.subWorkflow', config: { workflowId: childId, input: { name: '{{ input.who }}' } } },
        { id: 'pause', type: 'flow.delay', config: { mode: 'duration', durationMs: 50 } },
        { id: 'out', type: 'flow.output', config: { value: '{{ nodes.child.output.output }}' } },
      ],
      edges: [
        { source: 'start', target: 'child' },
        { source: 'child', target: 'pause' },
        { source: 'pause', target: 'out' },
      ],
    });
    const run = await waitForRun(await startRun(parentId, { who: 'ada' }));
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toBe('ada!');
  });

  it('fails a run whose resolved config breaks the node schema, naming node and path', async () => {
    const workflowId = await publishWorkflow('bad runtime config', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'check', type: 'logic.if', config: { condition: '{{ input.flag }}' } },
      ],
      edges: [{ source: 'start', target: 'check' }],
    });
    const run = await waitForRun(await startRun(workflowId, { flag: 'yes' }));
    expect(run.status).toBe('FAILED');
    expect(run.error).toMatchObject({ nodeId: 'check', type: 'InvalidConfig' });
    expect(run.error.message).toContain('config.condition');
  });
});

describe('engine: long loops', () => {
  it('runs a long loop in a child that continues as new past its history budget', async () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    const workflowId = await publishWorkflow('long loop', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'each', type: 'flow.forEach', config: { items: '{{ input.items }}', concurrency: 5 } },
        { id: 'tick', type: 'flow.delay', config: { mode: 'duration', durationMs: 1 } },
        { id: 'square', type: 'data.transform', config: { expression: 'loop.item * loop.item' } },
        { id: 'out', type: 'flow.output', config: { value: '{{ $sum(nodes.each.output) }}' } },
      ],
      edges: [
        { source: 'start', target: 'each' },
        { source: 'each', sourceHandle: 'each', target: 'tick' },
        { source: 'tick', target: 'square' },
        { source: 'square', target: 'each' },
        { source: 'each', sourceHandle: 'done', target: 'out' },
      ],
    });
    const runId = await startRun(workflowId, { items });
    const run = await waitForRun(runId, ['SUCCEEDED', 'FAILED', 'CANCELLED'], 120_000);
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toBe(items.reduce((sum, i) => sum + i * i, 0));
    const client = await temporalClient();
    const loops: string[] = [];
    for await (const execution of client.workflow.list({ query: `WorkflowType = 'forEachWorkflow'` })) {
      if (execution.workflowId.startsWith(`${runId}:loop:each:`)) loops.push(execution.status.name);
    }
    // One execution per generation: the first ones ended by continuing as new.
    expect(loops.filter((status) => status === 'CONTINUED_AS_NEW').length).toBeGreaterThanOrEqual(1);
    expect(loops).toContain('COMPLETED');
  }, 150_000);
});
