import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { getRunForPage } from '@/lib/runs/run-details';
import { ownerOrg } from '../support/api';
import { endedTriggerToOutputRun } from '../support/engine';

describe('the steps the run page is rendered with', () => {
  it('are each node’s latest step and highest attempt, and every step of the node it opens on', async () => {
    const run = await endedTriggerToOutputRun('first render steps');
    const runId = run.id;
    const t0 = run.endedAt!.getTime();
    // Later passes of `out`, as a loop would record them: the first one retried.
    const passes = [
      [1, 1, 'FAILED'],
      [1, 2, 'SUCCEEDED'],
      [2, 1, 'SUCCEEDED'],
      [3, 1, 'SUCCEEDED'],
    ] as const;
    await db().runStep.createMany({
      data: passes.map(([iteration, attempt, status], index) => ({
        orgId: run.orgId,
        runId,
        nodeId: 'out',
        iteration,
        attempt,
        status,
        startedAt: new Date(t0 + 1000 * (index + 1)),
        endedAt: new Date(t0 + 1000 * (index + 1) + 10),
      })),
    });
    const keys = (page: Awaited<ReturnType<typeof getRunForPage>>) =>
      page.run.steps.map((step) => `${step.nodeId}-${step.iteration}-${step.attempt}`);

    const closed = await getRunForPage(ownerOrg(), runId, null);
    expect(keys(closed)).toEqual(['start-0-1', 'out-1-2', 'out-3-1']);
    expect(closed.stepsTotal).toBe(6);

    const opened = await getRunForPage(ownerOrg(), runId, 'out');
    expect(keys(opened)).toEqual(['start-0-1', 'out-0-1', 'out-1-1', 'out-1-2', 'out-2-1', 'out-3-1']);
    expect(opened.stepsTotal).toBe(6);
  });
});
