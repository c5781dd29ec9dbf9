import { describe, expect, inject, it } from 'vitest';
import { temporalClient } from '@/temporal/client';
import { apiFetch } from '../support/api';
import { publishWorkflow, startRun } from '../support/engine';
import type { TaskQueueHealth } from '@/lib/health/task-queues';

const platform = inject('platform');

async function taskQueues(): Promise<TaskQueueHealth[]> {
  const response = await apiFetch('/api/dashboard?range=1h');
  expect(response.status).toBe(200);
  return (await response.json()).taskQueues;
}

const pick = (queues: TaskQueueHealth[], name: string, kind: string) =>
  queues.find((queue) => queue.name === name && queue.kind === kind);

describe('dashboard: Temporal task queues', () => {
  it("shows the platform's queue polled by its worker, and a queue nodes are routed to with its backlog and no worker", async () => {
    const workflowId = await publishWorkflow('routed to an unpolled queue', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        {
          id: 'call',
          type: 'http.request',
          config: { method: 'GET', url: 'http://127.0.0.2:9/never' },
          settings: { taskQueue: 'dashboard-unpolled' },
        },
      ],
      edges: [{ source: 'start', target: 'call' }],
    });
    const runId = await startRun(workflowId);
    try {
      // The activity task waits on the unpolled queue until someone ends the run (the run's
      // first record travels with that activity, so its status stays QUEUED meanwhile).
      await expect
        .poll(async () => pick(await taskQueues(), 'dashboard-unpolled', 'activity')?.backlog, { timeout: 20_000 })
        .toBe(1);
      const queues = await taskQueues();
      expect(pick(queues, 'dashboard-unpolled', 'activity')).toMatchObject({ workers: 0, lastPollAt: null });
      for (const kind of ['workflow', 'activity']) {
        const own = pick(queues, platform.taskQueue, kind);
        expect(own?.workers).toBe(1);
        expect(Date.parse(own?.lastPollAt ?? '')).toBeGreaterThan(Date.now() - 120_000);
      }
    } finally {
      await (await temporalClient()).workflow.getHandle(runId).terminate('test over');
    }
  });
});
