import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ownerOrg } from '../support/api';
import { publishWorkflow } from '../support/engine';

// This file's own modules (not the servers) ask for a namespace Temporal does not have, so every
// start they make is refused, as when Temporal is misconfigured, while the database is fine. Set
// before anything reads the settings.
process.env.TEMPORAL_NAMESPACE = `missing-${randomUUID()}`;

const quickFlow = {
  nodes: [
    { id: 'start', type: 'trigger.manual' as const },
    { id: 'out', type: 'flow.output' as const, config: { value: 1 } },
  ],
  edges: [{ source: 'start', target: 'out' }],
};

async function onlyRunOf(workflowId: string) {
  const [run, ...others] = await db().run.findMany({ where: { workflowId } });
  expect(others).toEqual([]);
  return run;
}

async function expectFailedWithOneAudit(run: { id: string }, workflowId: string) {
  expect(await db().run.findUnique({ where: { id: run.id } })).toMatchObject({
    status: 'FAILED',
    trigger: 'API',
    error: { type: 'StartFailed', message: expect.stringContaining('could not be started on Temporal') },
    endedAt: expect.any(Date),
  });
  const audits = await db().auditEvent.findMany({ where: { targetId: run.id } });
  expect(audits).toEqual([
    expect.objectContaining({ action: 'run.start', actorType: 'USER', data: { workflowId, version: 1 } }),
  ]);
}

describe('a run Temporal refuses to start', () => {
  afterAll(async () => {
    const { temporalClient } = await import('@/temporal/client');
    await (await temporalClient()).connection.close();
  });

  it('is answered as accepted, then kept FAILED with its one run.start audit row', async () => {
    const workflowId = await publishWorkflow('refused queued start', quickFlow);
    const { startRun } = await import('@/lib/runs/start-run');
    const { hurryRunStart } = await import('@/lib/runs/run-start-queue');

    const started = await startRun(ownerOrg(), workflowId, { input: { x: 1 } }, { trigger: 'API' });

    expect(started).toEqual({ runId: expect.any(String), version: 1 });
    // The queue has not given the start up yet: the refusal is recorded when it settles.
    await hurryRunStart(started.runId);
    expect(hurryRunStart(started.runId)).toBeNull();
    const run = await onlyRunOf(workflowId);
    expect(run.id).toBe(started.runId);
    await expectFailedWithOneAudit(run, workflowId);
  });

  it('answers 503 engine_unavailable to a start that waits for Temporal', async () => {
    const workflowId = await publishWorkflow('refused awaited start', quickFlow);
    const { startRun } = await import('@/lib/runs/start-run');

    const failure = await startRun(
      ownerOrg(),
      workflowId,
      { input: { x: 1 } },
      { trigger: 'API', awaitStart: true },
    ).catch((error: unknown) => error);

    expect(failure).toMatchObject({ status: 503, code: 'engine_unavailable', headers: { 'Retry-After': '5' } });
    await expectFailedWithOneAudit(await onlyRunOf(workflowId), workflowId);
  });
});
