import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '@/lib/db/client';
import { orgDb, orgStatement, scopedDb, withOrgTransaction } from '@/lib/db/tenant';
import { dbPool } from '@/lib/db/client';
import { writeProgress } from '@/temporal/activities/progress-writer';

// This file's lib/db connects as the servers do, as the app's role, so only the scope the
// helpers set decides what a query sees. (Other test files connect as the owner.)
process.env.DATABASE_URL = inject('platform').appDatabaseUrl;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('lib/db/tenant.ts as the app database role', () => {
  const apiKeyHash = sha256(randomUUID());
  const invitationTokenHash = sha256(randomUUID());
  let a = '';
  let b = '';
  let userId = '';

  beforeAll(async () => {
    const newOrg = async (label: string) =>
      (await db().org.create({ data: { slug: `tenant-db-${label}-${randomUUID()}`, name: label } })).id;
    [a, b] = [await newOrg('a'), await newOrg('b')];
    userId = (await db().user.create({ data: { email: `tenant-db-${randomUUID()}@example.test` } })).id;
    for (const orgId of [a, b]) {
      await orgDb(orgId).membership.create({ data: { orgId, userId, role: 'VIEWER' } });
      await orgDb(orgId).workflow.createMany({
        data: [
          { orgId, name: 'one' },
          { orgId, name: 'two' },
        ],
      });
    }
    await orgDb(a).apiKey.create({
      data: { orgId: a, name: 'a', prefix: 'abcdefgh', keyHash: apiKeyHash, role: 'VIEWER' },
    });
    await orgDb(a).invitation.create({
      data: {
        orgId: a,
        email: 'invitee@example.test',
        role: 'EDITOR',
        tokenHash: invitationTokenHash,
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
  });

  afterAll(async () => {
    const owner = new pg.Client({ connectionString: inject('platform').databaseUrl });
    await owner.connect();
    await owner.query('DELETE FROM orgs WHERE id = ANY($1::uuid[])', [[a, b]]);
    await owner.query('DELETE FROM users WHERE id = $1', [userId]);
    await owner.end();
    await db().$disconnect();
  });

  it("orgDb reads and writes the org's rows only, whatever the query asks", async () => {
    const all = await orgDb(a).workflow.findMany();
    expect(all.map((workflow) => workflow.orgId)).toEqual([a, a]);
    expect(await orgDb(a).workflow.findMany({ where: { orgId: b } })).toEqual([]);
    expect(await db().workflow.count()).toBe(0);

    await expect(orgDb(a).workflow.create({ data: { orgId: b, name: 'smuggled' } })).rejects.toThrow(
      /row-level security/,
    );
    expect((await orgDb(a).workflow.updateMany({ data: { description: 'touched' } })).count).toBe(2);
    const untouched = await orgDb(b).workflow.findMany({ where: { description: 'touched' } });
    expect(untouched).toEqual([]);
  });

  it('changes an org only through its own orgDb', async () => {
    await expect(db().org.update({ where: { id: b }, data: { name: 'renamed' } })).rejects.toThrow();
    await expect(orgDb(a).org.update({ where: { id: b }, data: { name: 'renamed' } })).rejects.toThrow();
    await orgDb(b).org.update({ where: { id: b }, data: { name: 'renamed' } });
    expect((await db().org.findUniqueOrThrow({ where: { id: b } })).name).toBe('renamed');
  });

  it('withOrgTransaction scopes raw SQL and undoes everything on failure', async () => {
    const orgIds = await withOrgTransaction(
      a,
      (tx) => tx.$queryRaw<{ org_id: string }[]>`SELECT org_id FROM workflows`,
    );
    expect(orgIds).toEqual([{ org_id: a }, { org_id: a }]);
    const failing = withOrgTransaction(a, async (tx) => {
      await tx.workflow.create({ data: { orgId: a, name: 'rolled back' } });
      throw new Error('undo');
    });
    await expect(failing).rejects.toThrow('undo');
    expect(await orgDb(a).workflow.count({ where: { name: 'rolled back' } })).toBe(0);
  });

  it('orgStatement scopes one statement to the org, sends its values as data, and leaves no scope behind', async () => {
    const names = await orgStatement<{ org_id: string; name: string }>(
      a,
      'SELECT org_id, name FROM workflows WHERE name = ANY($1::text[]) ORDER BY name',
      ['{one,two}'],
    );
    expect(names).toEqual([
      { org_id: a, name: 'one' },
      { org_id: a, name: 'two' },
    ]);
    // Quotes, backslashes, dollar signs and comment markers arrive as they were sent.
    const hostile = `it's \\ $1 -- /* */ '); DROP TABLE workflows; --`;
    const [echoed] = await orgStatement<{ text: string; json: unknown; minus: number }>(
      a,
      'SELECT $1::text AS text, $2::jsonb AS json, 10 - $3 AS minus',
      [hostile, JSON.stringify({ hostile }), -5],
    );
    expect(echoed).toEqual({ text: hostile, json: { hostile }, minus: 15 });
    await expect(
      orgStatement(a, `INSERT INTO workflows (org_id, name) VALUES ($1::uuid, 'smuggled')`, [b]),
    ).rejects.toThrow(/row-level security/);
    const settings = await Promise.all(
      Array.from({ length: 5 }, () =>
        dbPool().query<{ org: string | null }>(`SELECT current_setting('app.org_id', true) AS org`),
      ),
    );
    for (const { rows } of settings) expect(rows[0].org ?? '').toBe('');
  });

  it("writes a run's progress only in the org it is given, and leaves no scope behind", async () => {
    const workflow = await orgDb(b).workflow.findFirstOrThrow({ where: { orgId: b } });
    const runId = `tenant-db-${randomUUID()}`;
    await orgDb(b).run.create({
      data: { id: runId, orgId: b, workflowId: workflow.id, trigger: 'API', draftDefinition: {} },
    });
    const report = (orgId: string) => ({
      runId,
      orgId,
      run: { status: 'RUNNING' as const },
      steps: [{ nodeId: 'start', iteration: 0, attempt: 1, status: 'SUCCEEDED' as const, output: { n: 1 } }],
    });

    // Org a's scope finds no such run, so its steps get no change number, which the column refuses.
    await expect(writeProgress(report(a))).rejects.toThrow(/event_seq/);
    expect(await orgDb(b).run.findFirstOrThrow({ where: { id: runId, orgId: b } })).toMatchObject({
      status: 'QUEUED',
      lastEventSeq: 0,
    });

    expect(await writeProgress(report(b))).toEqual([]);
    const run = await orgDb(b).run.findFirstOrThrow({ where: { id: runId, orgId: b }, include: { steps: true } });
    expect({ status: run.status, lastEventSeq: run.lastEventSeq }).toEqual({ status: 'RUNNING', lastEventSeq: 2 });
    expect(run.steps.map(({ nodeId, output, eventSeq }) => ({ nodeId, output, eventSeq }))).toEqual([
      { nodeId: 'start', output: { n: 1 }, eventSeq: 1 },
    ]);
    const settings = await Promise.all(
      Array.from({ length: 5 }, () =>
        dbPool().query<{ org: string | null }>(`SELECT current_setting('app.org_id', true) AS org`),
      ),
    );
    for (const { rows } of settings) expect(rows[0].org ?? '').toBe('');
  });

  it('scopedDb answers sign-in lookups before the org is known, and nothing else', async () => {
    const memberships = await scopedDb({ userId }).membership.findMany({ include: { org: true } });
    expect(memberships.map((membership) => membership.org.id).sort()).toEqual([a, b].sort());
    expect(await scopedDb({ userId }).workflow.count()).toBe(0);

    const keys = await scopedDb({ apiKeyHash }).apiKey.findMany();
    expect(keys.map((key) => key.orgId)).toEqual([a]);
    const invitation = await scopedDb({ invitationTokenHash }).invitation.findUnique({
      where: { tokenHash: invitationTokenHash },
    });
    expect(invitation?.orgId).toBe(a);
    expect(await scopedDb({ apiKeyHash: sha256('someone else') }).apiKey.count()).toBe(0);
  });

  it('leaves no scope behind on pooled connections', async () => {
    await Promise.all(Array.from({ length: 5 }, () => orgDb(a).workflow.count()));
    const settings = await Promise.all(
      Array.from(
        { length: 5 },
        () => db().$queryRaw<{ org: string | null }[]>`SELECT current_setting('app.org_id', true) AS org`,
      ),
    );
    for (const [row] of settings) expect(row.org ?? '').toBe('');
    expect(await db().workflow.count()).toBe(0);
  });
});
