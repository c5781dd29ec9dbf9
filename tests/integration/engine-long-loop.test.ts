import { describe, expect, inject, it } from 'vitest';
import { db } from '@/lib/db/client';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';

describe('engine: a long loop of pure steps', () => {
  it('runs 10,000 passes to the end, writing their steps as it goes, without upsetting the worker', async () => {
    const workflowId = await publishWorkflow('ten thousand pure passes', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'each', type: 'flow.forEach', config: { items: '{{ [1..10000] }}', concurrency: 20 } },
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
    const run = await waitForRun(await startRun(workflowId), undefined, 180_000);
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toEqual(Array.from({ length: 10_000 }, (_, index) => (index + 1) * 2));
    expect(await db().runStep.count({ where: { runId: run.id, nodeId: 'double', status: 'SUCCEEDED' } })).toBe(10_000);
    // Before the loop wrote as it went, this run crashed the worker ("async hook stack has
    // become corrupted"); the launcher restarted it and the run finished on the next one.
    expect(() => process.kill(inject('platform').workerPid, 0)).not.toThrow();
  }, 240_000);
});
