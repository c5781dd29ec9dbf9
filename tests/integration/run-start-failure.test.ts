import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ownerOrg } from '../support/api';
import { publishWorkflow } from '../support/engine';

// This file's own modules (not the servers) ask for a namespace Temporal does not have, so every
// start they make is refused, as when Temporal is away, while the database is fine. Set before
// anything reads the settings.
process.env.TEMPORAL_NAMESPACE = `missing-${randomUUID()}`;

describe('a run Temporal refuses to start', () => {
  afterAll(async () => {
    const { temporalClient } = await import('@/temporal/client');
    await (await temporalClient()).connection.close();
  });

  it('is kept FAILED with its one run.start audit row, and the caller gets 503 engine_unavailable', async () => {
    const workflowId = await publishWorkflow('refused start', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'out', type: 'flow.output', config: { value: 1 } },
      ],
      edges: [{ source: 'start', target: 'out' }],
    });
    const { startRun } = await import('@/lib/runs/start-run');

    const failure = await startRun(ownerOrg(), workflowId, { input: { x: 1 } }, { trigger: 'API' }).catch(
      (error: unknown) => error,
    );

    expect(failure).toMatchObject({ status: 503, code: 'engine_unavailable', headers: { 'Retry-After': '5' } });
    const [run, ...others] = await db().run.findMany({ where: { workflowId } });
    expect(others).toEqual([]);
    expect(run).toMatchObject({
      status: 'FAILED',
      trigger: 'API',
      error: { type: 'StartFailed', message: expect.stringContaining('could not be started on Temporal') },
    });
    expect(run.endedAt).toBeInstanceOf(Date);
    const audits = await db().auditEvent.findMany({ where: { targetId: run.id } });
    expect(audits).toEqual([
      expect.objectContaining({ action: 'run.start', actorType: 'USER', data: { workflowId, version: 1 } }),
    ]);
  });
});
