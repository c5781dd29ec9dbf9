import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { OrgContext } from '@/lib/auth/current-org';
import { db } from '@/lib/db/client';
import { orgDb } from '@/lib/db/tenant';
import { recordRun } from '@/lib/runs/start-run';
import { recordRunOnce } from '@/lib/runs/record-run-once';

// Recording a run as the web server and the worker do, as the app's database role: row-level
// security lets through only what the recording's org scope allows.
process.env.DATABASE_URL = inject('platform').appDatabaseUrl;

const definition = (settings: Record<string, number> = {}) => ({
  nodes: [
    { id: 'start', type: 'trigger.manual' },
    { id: 'out', type: 'flow.output', config: { value: '{{ input }}' } },
  ],
  edges: [{ source: 'start', target: 'out' }],
  settings,
});

let org: OrgContext;

async function newWorkflow(name: string, versions: Record<string, number>[]) {
  const workflow = await orgDb(org.orgId).workflow.create({ data: { orgId: org.orgId, name } });
  for (const [index, settings] of versions.entries()) {
    await orgDb(org.orgId).workflowVersion.create({
      data: {
        orgId: org.orgId,
        workflowId: workflow.id,
        version: index + 1,
        definition: definition(settings),
        checksum: `v${index + 1}`,
      },
    });
  }
  return workflow.id;
}

const auditsOf = (runId: string) =>
  orgDb(org.orgId).auditEvent.findMany({ where: { orgId: org.orgId, targetId: runId } });

beforeAll(async () => {
  const created = await db().org.create({ data: { slug: `record-run-${randomUUID()}`, name: 'Recording' } });
  org = {
    orgId: created.id,
    orgName: created.name,
    userId: randomUUID(),
    role: 'EDITOR',
    actor: { type: 'API_KEY', id: randomUUID(), label: 'API key nightly (fo_abcdefgh_…)' },
    origin: { ip: '203.0.113.7', userAgent: 'curl/8.5' },
  };
});

describe('recordRun of a published version', () => {
  it('writes the run of the latest version and its audit row, with who started it and from where', async () => {
    const workflowId = await newWorkflow('latest', [{}, { timeoutMs: 60_000 }]);
    const before = Date.now();

    const recorded = await recordRun(org, workflowId, { input: { order: 7 } }, { trigger: 'API' });

    expect(recorded.version).toBe(2);
    expect(recorded.timeoutMs).toBe(60_000);
    expect(recorded.workflowInput).toMatchObject({ runId: recorded.runId, orgId: org.orgId, workflowId, version: 2 });
    expect(recorded.workflowInput.input).toEqual({ order: 7 });
    expect(recorded.workflowInput.definition.nodes.map((node) => node.id)).toEqual(['start', 'out']);
    const run = await orgDb(org.orgId).run.findFirstOrThrow({
      where: { id: recorded.runId, orgId: org.orgId },
      include: { version: { select: { version: true } } },
    });
    expect(run).toMatchObject({
      workflowId,
      status: 'QUEUED',
      trigger: 'API',
      input: { order: 7 },
      startedByType: 'API_KEY',
      startedById: org.actor.id,
      rerunOfId: null,
      traceId: null,
      draftDefinition: null,
      version: { version: 2 },
    });
    expect(run.createdAt.toISOString()).toBe(recorded.workflowInput.requestedAt);
    const [audit, ...more] = await auditsOf(recorded.runId);
    expect(more).toEqual([]);
    expect(audit).toMatchObject({
      actorType: 'API_KEY',
      actorId: org.actor.id,
      actorLabel: org.actor.label,
      action: 'run.start',
      targetType: 'run',
      ip: '203.0.113.7',
      userAgent: 'curl/8.5',
      data: { workflowId, version: 2 },
    });
    // A time-ordered id, as the schema's uuid(7) default makes.
    expect(audit.id[14]).toBe('7');
    expect(Number.parseInt(audit.id.replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(before);
  });

  it('records the version asked for, a rerun as run.rerun naming the run it reruns, and no input as null', async () => {
    const workflowId = await newWorkflow('named', [{}, {}, {}]);
    const first = await recordRun(org, workflowId, {}, { trigger: 'API' });

    const rerun = await recordRun(org, workflowId, { version: 1 }, { trigger: 'RERUN', rerunOfId: first.runId });

    expect(rerun.version).toBe(1);
    expect(rerun.workflowInput.input).toBeNull();
    const run = await orgDb(org.orgId).run.findFirstOrThrow({ where: { id: rerun.runId, orgId: org.orgId } });
    expect({ trigger: run.trigger, rerunOfId: run.rerunOfId, input: run.input }).toEqual({
      trigger: 'RERUN',
      rerunOfId: first.runId,
      input: null,
    });
    const audits = await auditsOf(rerun.runId);
    expect(audits.map(({ action, data }) => ({ action, data }))).toEqual([
      { action: 'run.rerun', data: { workflowId, version: 1, rerunOf: first.runId } },
    ]);
  });

  it('answers 404 for a missing workflow or version and 409 for none published, writing nothing', async () => {
    const unpublished = await newWorkflow('unpublished', []);
    const published = await newWorkflow('published', [{}]);
    const deleted = await newWorkflow('deleted', [{}]);
    await orgDb(org.orgId).workflow.updateMany({
      where: { id: deleted, orgId: org.orgId },
      data: { deletedAt: new Date() },
    });
    const refusal = (workflowId: string, version?: number) =>
      recordRun(org, workflowId, { version }, { trigger: 'API' }).then(
        () => 'recorded',
        (error: { status: number; code: string; message: string }) => [error.status, error.code, error.message],
      );

    expect(await refusal(unpublished)).toEqual([
      409,
      'not_published',
      'Workflow "unpublished" has no published version to run yet',
    ]);
    expect(await refusal(published, 5)).toEqual([404, 'version_not_found', 'Workflow "published" has no version 5']);
    expect((await refusal(deleted)).slice(0, 2)).toEqual([404, 'not_found']);
    expect((await refusal(randomUUID())).slice(0, 2)).toEqual([404, 'not_found']);
    const runs = await orgDb(org.orgId).run.count({
      where: { orgId: org.orgId, workflowId: { in: [unpublished, published, deleted] } },
    });
    expect(runs).toBe(0);
  });

  it("holds a version's concurrency limit: a second active run is refused with 429 and not recorded", async () => {
    const workflowId = await newWorkflow('limited', [{ concurrencyLimit: 1 }]);
    const first = await recordRun(org, workflowId, {}, { trigger: 'API' });

    const second = await recordRun(org, workflowId, {}, { trigger: 'API' }).catch((error) => error);

    expect({ status: second.status, code: second.code, details: second.details }).toEqual({
      status: 429,
      code: 'concurrency_limit',
      details: { limit: 1, active: 1 },
    });
    const runs = await orgDb(org.orgId).run.findMany({ where: { orgId: org.orgId, workflowId }, select: { id: true } });
    expect(runs).toEqual([{ id: first.runId }]);
    expect(await auditsOf(first.runId)).toHaveLength(1);
  });
});

describe('recordRunOnce', () => {
  it('answers the run recorded earlier under the same id, with one run and one audit row', async () => {
    const workflowId = await newWorkflow('once', [{}]);
    const runId = randomUUID();

    const first = await recordRunOnce(org, workflowId, { input: { n: 1 } }, { trigger: 'SCHEDULE', runId });
    const again = await recordRunOnce(org, workflowId, { input: { n: 2 } }, { trigger: 'SCHEDULE', runId });

    expect(again.runId).toBe(runId);
    expect(again.workflowInput.input).toEqual({ n: 1 });
    expect(again.workflowInput.requestedAt).toBe(first.workflowInput.requestedAt);
    expect(await orgDb(org.orgId).run.count({ where: { orgId: org.orgId, workflowId } })).toBe(1);
    expect((await auditsOf(runId)).map((audit) => audit.action)).toEqual(['run.start']);
  });
});
