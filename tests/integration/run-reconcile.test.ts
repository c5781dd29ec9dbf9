import { Redis } from 'ioredis';
import { describe, expect, inject, it } from 'vitest';
import { orgRunsChannel } from '@/lib/events/run-events';
import { temporalClient } from '@/temporal/client';
import { getRun, publishWorkflow, startRun, waitForRun } from '../support/engine';

const { owner } = inject('platform');

/** Subscribes to the org's runs channel; `published` resolves with the next status it carries for `runId`. */
async function watchRunStatus(runId: string): Promise<{ published: Promise<string> }> {
  const subscriber = new Redis(process.env.REDIS_URL!);
  const published = new Promise<string>((resolve) => {
    subscriber.on('message', (_channel, message) => {
      const event = JSON.parse(message) as { runId: string; status: string };
      if (event.runId === runId) {
        subscriber.disconnect();
        resolve(event.status);
      }
    });
  });
  await subscriber.subscribe(orgRunsChannel(owner.orgId));
  return { published };
}

describe('reconciling runs Temporal ended on its own', () => {
  // The platform's worker runs the reconcile job every second in tests (JOBS_RECONCILE_EVERY_MS).
  it('records a run terminated from Temporal without anyone reading it, and tells the runs list', async () => {
    const workflowId = await publishWorkflow('terminated from temporal', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'review', type: 'human.approval', config: { message: 'Ship it?' } },
      ],
      edges: [{ source: 'start', target: 'review' }],
    });
    const runId = await startRun(workflowId);
    await waitForRun(runId, ['WAITING']);
    const { published } = await watchRunStatus(runId);

    await (await temporalClient()).workflow.getHandle(runId).terminate('stopped from the Temporal CLI');

    // Nobody reads the run until the job has recorded and published its end.
    expect(await published).toBe('CANCELLED');
    const run = await getRun(runId);
    expect(run.status).toBe('CANCELLED');
    expect(run.error).toEqual({ type: 'WorkflowTERMINATED', message: 'Temporal reports the run terminated' });
    expect(run.endedAt).not.toBeNull();
    expect(run.waitingApprovals).toEqual([]);
    // The approval it was waiting on is closed with it.
    expect(run.nodes.review.status).toBe('CANCELLED');
    expect(run.steps.map((step: { nodeId: string; status: string }) => [step.nodeId, step.status])).toEqual([
      ['start', 'SUCCEEDED'],
      ['review', 'CANCELLED'],
    ]);
  });
});
