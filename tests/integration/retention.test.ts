import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { pruneExpired } from '@/lib/retention/prune';
import { apiFetch } from '../support/api';
import { createOtherOrg } from '../support/other-org';

const DAY_MS = 24 * 60 * 60 * 1000;
const now = new Date();
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

/** A run of a fresh workflow, ended at `endedAt` (null: still waiting), with one step and one payload. */
async function seedRun(orgId: string, label: string, createdAt: Date, endedAt: Date | null) {
  const workflow = await db().workflow.create({ data: { orgId, name: `retention ${label}` } });
  const version = await db().workflowVersion.create({
    data: { orgId, workflowId: workflow.id, version: 1, definition: { nodes: [], edges: [] }, checksum: randomUUID() },
  });
  const id = `retention-${label}-${randomUUID()}`;
  await db().run.create({
    data: {
      id,
      orgId,
      workflowId: workflow.id,
      versionId: version.id,
      trigger: 'API',
      status: endedAt ? 'SUCCEEDED' : 'WAITING',
      createdAt,
      startedAt: createdAt,
      endedAt,
    },
  });
  await db().runStep.create({ data: { orgId, runId: id, nodeId: 'start', status: 'SUCCEEDED', startedAt: createdAt } });
  await db().runPayload.create({ data: { orgId, runId: id, sizeBytes: 2, data: Buffer.from('{}') } });
  return id;
}

async function seedLog(orgId: string, runId: string, ts: Date) {
  const line = await db().runLog.create({ data: { orgId, runId, level: 'INFO', message: 'kept?', ts } });
  return line.id;
}

const remainingRuns = async (orgId: string) =>
  (await db().run.findMany({ where: { orgId }, select: { id: true }, orderBy: { id: 'asc' } })).map((run) => run.id);
const remainingLogs = async (orgId: string) =>
  (await db().runLog.findMany({ where: { orgId }, select: { id: true }, orderBy: { id: 'asc' } })).map((l) => l.id);
const pruneEvents = (orgId: string) =>
  db().auditEvent.findMany({
    where: { orgId, action: 'retention.prune' },
    select: { actorType: true, actorId: true, actorLabel: true, data: true },
  });

describe('retention', () => {
  let standard: Awaited<ReturnType<typeof createOtherOrg>>;
  let short: Awaited<ReturnType<typeof createOtherOrg>>;
  let untouched: Awaited<ReturnType<typeof createOtherOrg>>;

  beforeAll(async () => {
    standard = await createOtherOrg('Retention defaults');
    short = await createOtherOrg('Retention short');
    untouched = await createOtherOrg('Retention untouched');
  });

  it('lets admins read and set the periods, refusing bad ones by field', async () => {
    expect(await (await short.keyFetch('/api/retention')).json()).toEqual({ runDays: 90, logDays: 30 });
    const put = (body: unknown) => short.keyFetch('/api/retention', { method: 'PUT', body: JSON.stringify(body) });

    const tooLong = await put({ runDays: 10, logDays: 11 });
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).error).toEqual({
      code: 'invalid_request',
      message: "logDays: logDays must not exceed runDays: a run's log lines are deleted with the run",
      details: [
        { path: 'logDays', message: "logDays must not exceed runDays: a run's log lines are deleted with the run" },
      ],
    });
    const tooMany = await put({ runDays: 5000, logDays: 30 });
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).error.details).toEqual([
      { path: 'runDays', message: 'runDays must be at most 3650 (ten years)' },
    ]);

    const saved = await put({ runDays: 10, logDays: 5 });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ runDays: 10, logDays: 5 });
    expect(await (await short.keyFetch('/api/retention')).json()).toEqual({ runDays: 10, logDays: 5 });
    const audit = await db().auditEvent.findFirst({ where: { orgId: short.orgId, action: 'org.retention.update' } });
    expect(audit?.data).toEqual({ before: { runDays: 90, logDays: 30 }, after: { runDays: 10, logDays: 5 } });
  });

  it('deletes exactly the expired runs and log lines of each org, in batches, and audits each org once', async () => {
    // Defaults: runs that ended over 90 days ago, log lines over 30 days old.
    const oldRun = await seedRun(standard.orgId, 'old', daysAgo(95), daysAgo(91));
    const keptRun = await seedRun(standard.orgId, 'kept', daysAgo(95), daysAgo(89));
    const stillWaiting = await seedRun(standard.orgId, 'waiting', daysAgo(200), null);
    const fiftyDays = await seedRun(standard.orgId, 'fifty', daysAgo(50), daysAgo(50));
    // Both older than 30 days: gone, though the second belongs to a run that is kept.
    await seedLog(standard.orgId, oldRun, daysAgo(91));
    await seedLog(standard.orgId, keptRun, daysAgo(31));
    const keptLine = await seedLog(standard.orgId, keptRun, daysAgo(29));
    const waitingLine = await seedLog(standard.orgId, stillWaiting, daysAgo(29.9));

    // 10 and 5 days (set above): the same ages fare differently here.
    const shortOld = await seedRun(short.orgId, 'old', daysAgo(50), daysAgo(50));
    const shortExpired = await seedRun(short.orgId, 'expired', daysAgo(12), daysAgo(11));
    const shortKept = await seedRun(short.orgId, 'kept', daysAgo(12), daysAgo(9));
    await seedLog(short.orgId, shortKept, daysAgo(6));
    const shortKeptLine = await seedLog(short.orgId, shortKept, daysAgo(4));

    const fresh = await seedRun(untouched.orgId, 'fresh', daysAgo(1), daysAgo(1));
    const freshLine = await seedLog(untouched.orgId, fresh, daysAgo(1));

    // One row per statement, so every org's deletes go round the batch loop.
    const pruned = await pruneExpired({ now, batchSize: 1 });

    expect(await remainingRuns(standard.orgId)).toEqual([keptRun, stillWaiting, fiftyDays].sort());
    expect(await remainingLogs(standard.orgId)).toEqual([keptLine, waitingLine]);
    expect(await remainingRuns(short.orgId)).toEqual([shortKept]);
    expect(await remainingLogs(short.orgId)).toEqual([shortKeptLine]);
    expect(await remainingRuns(untouched.orgId)).toEqual([fresh]);
    expect(await remainingLogs(untouched.orgId)).toEqual([freshLine]);
    // A deleted run's steps and payloads went with it.
    const deleted = [oldRun, shortOld, shortExpired];
    expect(await db().runStep.count({ where: { runId: { in: deleted } } })).toBe(0);
    expect(await db().runPayload.count({ where: { runId: { in: deleted } } })).toBe(0);
    expect(await db().runStep.count({ where: { runId: { in: [keptRun, stillWaiting, shortKept] } } })).toBe(3);

    const cutoffs = (runDays: number, logDays: number) => ({
      runsEndedBefore: daysAgo(runDays).toISOString(),
      logsBefore: daysAgo(logDays).toISOString(),
    });
    const mine = pruned.filter((prune) => [standard.orgId, short.orgId, untouched.orgId].includes(prune.orgId));
    expect(mine).toEqual(
      expect.arrayContaining([
        { orgId: standard.orgId, runs: 1, logs: 2, ...cutoffs(90, 30) },
        { orgId: short.orgId, runs: 2, logs: 1, ...cutoffs(10, 5) },
      ]),
    );
    expect(mine).toHaveLength(2);
    const actor = { actorType: 'SYSTEM', actorId: 'retention', actorLabel: 'retention job' };
    expect(await pruneEvents(standard.orgId)).toEqual([{ ...actor, data: { runs: 1, logs: 2, ...cutoffs(90, 30) } }]);
    expect(await pruneEvents(short.orgId)).toEqual([{ ...actor, data: { runs: 2, logs: 1, ...cutoffs(10, 5) } }]);
    expect(await pruneEvents(untouched.orgId)).toEqual([]);

    // The dashboard says what was pruned last.
    const dashboard = await (await short.keyFetch('/api/dashboard?range=24h')).json();
    expect(dashboard.lastPrune).toMatchObject({ runs: 2, logs: 1 });
    const untouchedDashboard = await (await untouched.keyFetch('/api/dashboard?range=24h')).json();
    expect(untouchedDashboard.lastPrune).toBeNull();

    // A second pass finds nothing more to delete and writes no audit event.
    const again = await pruneExpired({ now });
    expect(again.filter((prune) => [standard.orgId, short.orgId].includes(prune.orgId))).toEqual([]);
    expect(await pruneEvents(short.orgId)).toHaveLength(1);
  });

  it('keeps the owner org at the defaults', async () => {
    expect(await (await apiFetch('/api/retention')).json()).toEqual({ runDays: 90, logDays: 30 });
  });
});
