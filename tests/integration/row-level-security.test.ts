import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '@/lib/db/client';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import { apiFetch } from '../support/api';

const TENANT_TABLES = [
  'alert_firings',
  'alert_rules',
  'api_keys',
  'audit_events',
  'credentials',
  'event_deliveries',
  'event_subscriptions',
  'events',
  'files',
  'invitations',
  'memberships',
  'run_logs',
  'run_payloads',
  'run_steps',
  'runs',
  'schedules',
  'webhook_calls',
  'webhook_endpoints',
  'workflow_versions',
  'workflows',
];

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** One row in every tenant table for a new org, written as the owner; `userId` is a member. */
async function seedOrg(label: string, userId: string) {
  const prisma = db();
  const org = await prisma.org.create({ data: { slug: `rls-${label}-${randomUUID()}`, name: `RLS ${label}` } });
  const orgId = org.id;
  const secrets = { apiKeyHash: sha256(randomUUID()), invitationTokenHash: sha256(randomUUID()) };
  await prisma.membership.create({ data: { orgId, userId, role: 'OWNER' } });
  await prisma.invitation.create({
    data: {
      orgId,
      email: `${label}@example.test`,
      role: 'EDITOR',
      tokenHash: secrets.invitationTokenHash,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  await prisma.apiKey.create({
    data: { orgId, name: label, prefix: 'abcdefgh', keyHash: secrets.apiKeyHash, role: 'VIEWER' },
  });
  const workflow = await prisma.workflow.create({ data: { orgId, name: `${label} flow` } });
  const version = await prisma.workflowVersion.create({
    data: { orgId, workflowId: workflow.id, version: 1, definition: {}, checksum: label },
  });
  const run = await prisma.run.create({
    data: { id: randomUUID(), orgId, workflowId: workflow.id, versionId: version.id, trigger: 'MANUAL' },
  });
  await prisma.runStep.create({ data: { orgId, runId: run.id, nodeId: 'start', status: 'SUCCEEDED' } });
  await prisma.runLog.create({ data: { orgId, runId: run.id, level: 'INFO', message: label } });
  await prisma.runPayload.create({ data: { orgId, runId: run.id, sizeBytes: 2, data: Buffer.from('{}') } });
  const bytes = new Uint8Array(16);
  await prisma.credential.create({
    data: {
      orgId,
      name: label,
      type: 'bearer',
      ciphertext: bytes,
      iv: bytes,
      authTag: bytes,
      wrappedDataKey: bytes,
      keyVersion: 1,
    },
  });
  await prisma.auditEvent.create({ data: { orgId, actorType: 'SYSTEM', action: 'rls.seed' } });
  await prisma.schedule.create({ data: { orgId, workflowId: workflow.id, cron: '0 * * * *' } });
  const endpoint = await prisma.webhookEndpoint.create({
    data: { orgId, workflowId: workflow.id, slug: `rls-${randomUUID()}`, secretHash: sha256(label) },
  });
  await prisma.webhookCall.create({ data: { orgId, endpointId: endpoint.id, method: 'POST', status: 202 } });
  await prisma.storedFile.create({
    data: {
      orgId,
      name: `${label}.pdf`,
      contentType: 'application/pdf',
      sizeBytes: 1,
      sha256: sha256(label),
      storage: 'local',
      storageKey: `${orgId}/${randomUUID()}`,
    },
  });
  const rule = await prisma.alertRule.create({
    data: {
      orgId,
      name: label,
      kind: 'SUCCESS_RATE_BELOW',
      threshold: 90,
      webhookUrl: 'https://alerts.example.test/hook',
      secretCiphertext: bytes,
      secretIv: bytes,
      secretAuthTag: bytes,
      secretWrappedKey: bytes,
      secretKeyVersion: 1,
    },
  });
  await prisma.alertFiring.create({ data: { orgId, ruleId: rule.id, state: 'FIRING', message: label } });
  await prisma.eventSubscription.create({
    data: { orgId, workflowId: workflow.id, versionId: version.id, nodeId: 'on', topic: label },
  });
  const event = await prisma.event.create({
    data: { id: randomUUID(), orgId, topic: label, payload: {}, source: { type: 'api' }, dispatchedAt: new Date() },
  });
  await prisma.eventDelivery.create({
    data: { orgId, eventId: event.id, workflowId: workflow.id, status: 'started', runId: run.id },
  });
  return { orgId, workflowId: workflow.id, endpointId: endpoint.id, slug: endpoint.slug, ...secrets };
}

type Seeded = Awaited<ReturnType<typeof seedOrg>>;

// Raw SQL as the app's role: no org filter anywhere, so only the policies decide what is seen.
describe('row-level security for the app database role', () => {
  const platform = inject('platform');
  const app = new pg.Client({ connectionString: platform.appDatabaseUrl });
  const owner = new pg.Client({ connectionString: platform.databaseUrl });
  const appRole = decodeURIComponent(new URL(platform.appDatabaseUrl).username);
  let userId = '';
  let a: Seeded;
  let b: Seeded;

  /** Runs `work` in a transaction with these settings, then rolls it back. */
  async function inTransaction<T>(settings: Record<string, string>, work: () => Promise<T>): Promise<T> {
    await app.query('BEGIN');
    try {
      for (const [name, value] of Object.entries(settings)) {
        await app.query('SELECT set_config($1, $2, true)', [name, value]);
      }
      return await work();
    } finally {
      await app.query('ROLLBACK');
    }
  }

  const orgIdsIn = async (table: string) =>
    (await app.query<{ org_id: string | null }>(`SELECT DISTINCT org_id FROM ${table}`)).rows.map((row) => row.org_id);

  beforeAll(async () => {
    await Promise.all([app.connect(), owner.connect()]);
    userId = (await db().user.create({ data: { email: `rls-${randomUUID()}@example.test` } })).id;
    a = await seedOrg('a', userId);
    b = await seedOrg('b', userId);
  });

  afterAll(async () => {
    await db().org.deleteMany({ where: { id: { in: [a.orgId, b.orgId] } } });
    await db().user.delete({ where: { id: userId } });
    await db().auditEvent.deleteMany({ where: { orgId: null, action: 'rls.orgless' } });
    await Promise.all([app.end(), owner.end()]);
  });

  it('covers every table with an org_id column', async () => {
    const { rows } = await owner.query<{ table: string; rls: boolean; policies: number }>(
      `SELECT c.relname AS table, c.relrowsecurity AS rls,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
       FROM information_schema.columns col
       JOIN pg_class c ON c.relname = col.table_name AND c.relnamespace = 'public'::regnamespace
       WHERE col.table_schema = 'public' AND col.column_name = 'org_id'
       ORDER BY 1`,
    );
    expect(rows.map((row) => row.table)).toEqual(TENANT_TABLES);
    expect(rows.filter((row) => !row.rls || row.policies === 0)).toEqual([]);
  });

  it('shows no tenant row when no org is set, though the owner sees them', async () => {
    for (const table of TENANT_TABLES) {
      const count = async (client: pg.Client) =>
        Number((await client.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
      expect(await count(owner), table).toBeGreaterThanOrEqual(2);
      expect(await count(app), table).toBe(0);
    }
  });

  it("shows only the set org's rows to a query without an org filter", async () => {
    for (const org of [a, b]) {
      await inTransaction({ 'app.org_id': org.orgId }, async () => {
        for (const table of TENANT_TABLES) expect(await orgIdsIn(table), table).toEqual([org.orgId]);
      });
    }
    // Transaction-local: the connection forgets the org when the transaction ends.
    expect(await orgIdsIn('workflows')).toEqual([]);
  });

  it('refuses to write rows of another org, and does not touch them', async () => {
    await inTransaction({ 'app.org_id': a.orgId }, async () => {
      const updated = await app.query(`UPDATE workflows SET name = 'taken' WHERE id = $1`, [b.workflowId]);
      expect(updated.rowCount).toBe(0);
      const deleted = await app.query('DELETE FROM workflows WHERE id = $1', [b.workflowId]);
      expect(deleted.rowCount).toBe(0);
      const moved = app.query('UPDATE workflows SET org_id = $1 WHERE id = $2', [b.orgId, a.workflowId]);
      await expect(moved).rejects.toMatchObject({ code: '42501' });
    });
    await inTransaction({ 'app.org_id': a.orgId }, async () => {
      const inserted = app.query(`INSERT INTO workflows (id, org_id, name, updated_at) VALUES ($1, $2, 'x', now())`, [
        randomUUID(),
        b.orgId,
      ]);
      await expect(inserted).rejects.toMatchObject({ code: '42501' });
    });
    const name = (await owner.query('SELECT name FROM workflows WHERE id = $1', [b.workflowId])).rows[0].name;
    expect(name).toBe('b flow');
  });

  // Deleting an org cascades to all of its rows, and cascades ignore row-level security.
  it('changes or deletes no org but the one set', async () => {
    expect((await app.query('DELETE FROM orgs WHERE id = $1', [b.orgId])).rowCount).toBe(0);
    await inTransaction({ 'app.org_id': a.orgId }, async () => {
      expect((await app.query('DELETE FROM orgs WHERE id = $1', [b.orgId])).rowCount).toBe(0);
      const renamed = await app.query<{ id: string }>(`UPDATE orgs SET name = 'renamed' RETURNING id`);
      expect(renamed.rows).toEqual([{ id: a.orgId }]);
    });
    const remaining = await owner.query('SELECT count(*)::int AS n FROM workflows WHERE org_id = $1', [b.orgId]);
    expect(remaining.rows[0].n).toBe(1);
  });

  it('lets sign-in lookups read only what their secret names, and write nothing', async () => {
    await inTransaction({ 'app.user_id': userId }, async () => {
      expect((await orgIdsIn('memberships')).sort()).toEqual([a.orgId, b.orgId].sort());
      expect(await orgIdsIn('workflows')).toEqual([]);
      expect((await app.query(`UPDATE memberships SET role = 'VIEWER'`)).rowCount).toBe(0);
    });
    await inTransaction({ 'app.api_key_hash': b.apiKeyHash }, async () => {
      expect(await orgIdsIn('api_keys')).toEqual([b.orgId]);
      expect((await app.query(`UPDATE api_keys SET name = 'taken'`)).rowCount).toBe(0);
    });
    await inTransaction({ 'app.invitation_token_hash': a.invitationTokenHash }, async () => {
      expect(await orgIdsIn('invitations')).toEqual([a.orgId]);
      expect((await app.query('DELETE FROM invitations')).rowCount).toBe(0);
    });
  });

  it("names a webhook slug's org and endpoint before any org is set, and nothing else of it", async () => {
    const bySlug = (slug: string) => app.query('SELECT * FROM webhook_endpoint_by_slug($1)', [slug]);
    expect((await bySlug(b.slug)).rows).toEqual([{ org_id: b.orgId, id: b.endpointId }]);
    expect((await bySlug('rls-no-such-slug')).rows).toEqual([]);
    // The row itself, secret included, stays behind the org's policy.
    expect((await app.query('SELECT secret_hash FROM webhook_endpoints WHERE slug = $1', [b.slug])).rows).toEqual([]);
  });

  it('accepts audit events without an org but never shows them', async () => {
    await app.query(`INSERT INTO audit_events (id, actor_type, action) VALUES ($1, 'SYSTEM', 'rls.orgless')`, [
      randomUUID(),
    ]);
    const withOrg = app.query(
      `INSERT INTO audit_events (id, org_id, actor_type, action) VALUES ($1, $2, 'SYSTEM', 'x')`,
      [randomUUID(), a.orgId],
    );
    await expect(withOrg).rejects.toMatchObject({ code: '42501' });
    expect(await orgIdsIn('audit_events')).toEqual([]);
    const stored = await owner.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'rls.orgless'`);
    expect(stored.rows[0].n).toBe(1);
  });

  it('cannot bypass or switch off row-level security', async () => {
    const role = await owner.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1',
      [appRole],
    );
    expect(role.rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
    const owned = await owner.query('SELECT tablename FROM pg_tables WHERE tableowner = $1', [appRole]);
    expect(owned.rows).toEqual([]);

    const attempts = [
      'ALTER TABLE workflows DISABLE ROW LEVEL SECURITY',
      'DROP POLICY org_isolation ON workflows',
      'TRUNCATE workflows',
      `SET ROLE ${owner.escapeIdentifier(decodeURIComponent(new URL(platform.databaseUrl).username))}`,
    ];
    for (const sql of attempts) await expect(app.query(sql), sql).rejects.toMatchObject({ code: '42501' });
    // Turning it off only makes queries that policies would filter fail instead of seeing everything.
    await app.query('SET row_security = off');
    try {
      await expect(app.query('SELECT count(*) FROM workflows')).rejects.toMatchObject({ code: '42501' });
    } finally {
      await app.query('RESET row_security');
    }
  });

  it('is the role the web app, the worker and the collab server connect as', async () => {
    const workflowId = await publishWorkflow(`RLS connection check ${randomUUID()}`, {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'out', type: 'flow.output', config: { value: 'done' } },
      ],
      edges: [{ source: 'start', target: 'out' }],
    });
    expect((await waitForRun(await startRun(workflowId))).status).toBe('SUCCEEDED');
    expect((await apiFetch('/api/workflows')).status).toBe(200);
    // Reading the draft makes the collab server load it from the database.
    expect((await apiFetch(`/api/workflows/${workflowId}/draft`)).status).toBe(200);
    // Idle pooled connections stay open for a while after use, named by the launcher (PGAPPNAME).
    const { rows } = await owner.query<{ application_name: string; usename: string }>(
      `SELECT DISTINCT application_name, usename FROM pg_stat_activity
       WHERE application_name LIKE 'floworchestrator-%' ORDER BY 1`,
    );
    expect(rows).toEqual([
      { application_name: 'floworchestrator-collab', usename: appRole },
      { application_name: 'floworchestrator-web', usename: appRole },
      { application_name: 'floworchestrator-worker', usename: appRole },
    ]);
  });
});
