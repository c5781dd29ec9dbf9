import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { withOrgTransaction } from '@/lib/db/tenant';
import { readRunStepsJson } from '@/lib/runs/run-steps-json';
import { publicStep, STEP_ORDER, summarizeNodes } from '@/lib/runs/step-view';
import { apiFetch } from '../support/api';
import { endedTriggerToOutputRun } from '../support/engine';

describe('a run’s steps serialized by PostgreSQL', () => {
  it('read, and are answered by GET /api/runs/:id, as the steps and node summary made of the same rows', async () => {
    const run = await endedTriggerToOutputRun('steps as JSON');
    // The run's own steps share a start time, which leaves their order to the plan.
    await db().runStep.deleteMany({ where: { runId: run.id } });
    const t0 = run.endedAt!.getTime();
    // Retries, loop passes, a step not started yet, and values JSON must escape.
    const recorded: (Omit<Prisma.RunStepCreateManyInput, 'orgId' | 'runId'> & { started?: false })[] = [
      { nodeId: 'charge', iteration: 0, attempt: 1, status: 'FAILED', error: { message: 'declined', type: 'E' } },
      {
        nodeId: 'charge',
        iteration: 0,
        attempt: 2,
        status: 'SUCCEEDED',
        output: { note: 'two\nlines "quoted" ✓ \u2028' },
      },
      { nodeId: 'loop', iteration: 1, attempt: 1, status: 'SUCCEEDED', output: [1, 2.5, null, { deep: true }] },
      { nodeId: 'loop', iteration: 2, attempt: 1, status: 'SUCCEEDED', handles: ['true', 'case b'] },
      { nodeId: 'wait', iteration: 0, attempt: 1, status: 'PENDING', started: false },
    ];
    await db().runStep.createMany({
      data: recorded.map(({ started, ...step }, index) => ({
        orgId: run.orgId,
        runId: run.id,
        input: { index, text: 'ünïcode' },
        ...step,
        ...(started === false
          ? {}
          : { startedAt: new Date(t0 + 10 * index + 1), endedAt: new Date(t0 + 10 * index + 5) }),
      })),
    });

    const [json, rows] = await withOrgTransaction(run.orgId, async (tx) => [
      await readRunStepsJson(tx, run.orgId, run.id),
      await tx.runStep.findMany({ where: { runId: run.id }, orderBy: STEP_ORDER }),
    ]);

    const asSent = (value: unknown) => JSON.parse(JSON.stringify(value));
    expect(JSON.parse(json.steps)).toEqual(asSent(rows.map(publicStep)));
    expect(JSON.parse(json.nodes)).toEqual(asSent(summarizeNodes(rows)));
    expect(Object.keys(JSON.parse(json.nodes)).sort()).toEqual(['charge', 'loop', 'wait']);
    expect(rows).toHaveLength(5);

    const response = await apiFetch(`/api/runs/${run.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = await response.json();
    expect(body).toMatchObject({ id: run.id, status: 'SUCCEEDED', version: 1 });
    expect(body.steps).toEqual(asSent(rows.map(publicStep)));
    expect(body.nodes).toEqual(asSent(summarizeNodes(rows)));
  });

  it('are an empty list and summary for a run without steps', async () => {
    const run = await endedTriggerToOutputRun('no steps as JSON');
    await db().runStep.deleteMany({ where: { runId: run.id } });
    const json = await withOrgTransaction(run.orgId, (tx) => readRunStepsJson(tx, run.orgId, run.id));
    expect(json).toEqual({ steps: '[]', nodes: '{}' });
  });
});
