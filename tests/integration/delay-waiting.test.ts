import { describe, expect, it } from 'vitest';
import { apiFetch } from '../support/api';
import { getRun, publishWorkflow, startRun, waitForRun } from '../support/engine';

describe('a delay node', () => {
  it('is recorded as waiting, with its start, while it sleeps', async () => {
    const workflowId = await publishWorkflow('long delay', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'wait', type: 'flow.delay', config: { mode: 'duration', durationMs: 3_600_000 } },
      ],
      edges: [{ source: 'start', target: 'wait' }],
    });
    const runId = await startRun(workflowId);
    await expect.poll(async () => (await getRun(runId)).nodes.wait?.status, { timeout: 20_000 }).toBe('WAITING');
    const run = await getRun(runId);
    expect(run.status).toBe('RUNNING');
    const [waiting] = run.steps.filter((step: { nodeId: string }) => step.nodeId === 'wait');
    expect(waiting).toMatchObject({ iteration: 0, attempt: 1, status: 'WAITING', endedAt: null });
    expect(Date.parse(waiting.startedAt)).toBeGreaterThanOrEqual(Date.parse(run.createdAt));

    const cancel = await apiFetch(`/api/runs/${runId}/cancel`, { method: 'POST' });
    expect(cancel.status).toBe(202);
    const ended = await waitForRun(runId);
    expect(ended.status).toBe('CANCELLED');
    expect(ended.nodes.wait.status).toBe('CANCELLED');
  });
});
