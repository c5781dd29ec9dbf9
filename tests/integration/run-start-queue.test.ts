import { WorkflowNotFoundError } from '@temporalio/client';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { cancelRun } from '@/lib/runs/run-control';
import { recordRun, startRun } from '@/lib/runs/start-run';
import { startRunWorkflow } from '@/lib/runs/start-run-workflow';
import { startStrandedRuns } from '@/lib/runs/start-stranded-runs';
import { temporalClient } from '@/temporal/client';
import { ownerOrg } from '../support/api';
import { publishWorkflow, waitForRun } from '../support/engine';

// Starts made in this process, as the web server makes them: recorded, answered, then started
// on Temporal by the process's start queue.

const doubling = {
  nodes: [
    { id: 'start', type: 'trigger.manual' as const },
    { id: 'out', type: 'flow.output' as const, config: { value: '{{ input.x * 2 }}' } },
  ],
  edges: [{ source: 'start', target: 'out' }],
};

const describeRun = async (runId: string) => (await temporalClient()).workflow.getHandle(runId).describe();

afterAll(async () => {
  await (await temporalClient()).connection.close();
});

describe('a queued run start', () => {
  it('runs the run after the answer', async () => {
    const workflowId = await publishWorkflow('queued start', doubling);

    const started = await startRun(ownerOrg(), workflowId, { input: { x: 4 } }, { trigger: 'API' });

    expect(started).toEqual({ runId: expect.any(String), version: 1 });
    expect(await waitForRun(started.runId)).toMatchObject({ status: 'SUCCEEDED', output: 8 });
  });

  it('is started at once by a cancel that comes before it, and the run ends CANCELLED', async () => {
    const workflowId = await publishWorkflow('cancelled at once', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'review', type: 'human.approval', config: { message: 'Ship it?' } },
      ],
      edges: [{ source: 'start', target: 'review' }],
    });

    const { runId } = await startRun(ownerOrg(), workflowId, {}, { trigger: 'API' });
    const cancelling = await cancelRun(ownerOrg(), runId);

    expect(cancelling).toEqual({ runId, status: 'cancelling' });
    expect((await waitForRun(runId)).status).toBe('CANCELLED');
  });
});

describe('the start-stranded-runs job', () => {
  it('starts a run recorded whose start was never made, and Temporal refuses to start it twice', async () => {
    const workflowId = await publishWorkflow('stranded', doubling);
    // Recorded and never handed to a start queue: as when the web server stops in between.
    const { runId, workflowInput } = await recordRun(ownerOrg(), workflowId, { input: { x: 5 } }, { trigger: 'API' });
    await expect(describeRun(runId)).rejects.toBeInstanceOf(WorkflowNotFoundError);

    const result = await startStrandedRuns(0);

    expect(result.started).toBeGreaterThanOrEqual(1);
    expect(result.failed).toBe(0);
    expect(await waitForRun(runId)).toMatchObject({ status: 'SUCCEEDED', output: 10 });
    const execution = (await describeRun(runId)).runId;
    expect(await startRunWorkflow(workflowInput, { trigger: 'API' })).toBe(false);
    expect((await describeRun(runId)).runId).toBe(execution);
  });

  it('leaves scheduled runs and reruns to what recorded them', async () => {
    const workflowId = await publishWorkflow('not stranded', doubling);
    const scheduled = await recordRun(ownerOrg(), workflowId, {}, { trigger: 'SCHEDULE' });
    const rerun = await recordRun(ownerOrg(), workflowId, {}, { trigger: 'RERUN', rerunOfId: scheduled.runId });

    await startStrandedRuns(0);

    for (const { runId } of [scheduled, rerun]) {
      expect(await db().run.findUnique({ where: { id: runId }, select: { status: true } })).toEqual({
        status: 'QUEUED',
      });
      await expect(describeRun(runId)).rejects.toBeInstanceOf(WorkflowNotFoundError);
    }
    // Nothing will start them: they go, so no later job finds them.
    await db().run.deleteMany({ where: { workflowId } });
  });
});
