import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';

describe('PostgreSQL through Prisma', () => {
  const slug = `db-test-${randomUUID()}`;

  afterAll(async () => {
    await db().org.deleteMany({ where: { slug } });
  });

  it('round-trips an org, a workflow with a binary draft and an immutable JSON version', async () => {
    const prisma = db();
    const org = await prisma.org.create({ data: { slug, name: 'Round trip' } });
    const draftState = Uint8Array.from([1, 2, 3, 250]);
    const workflow = await prisma.workflow.create({
      data: { orgId: org.id, name: 'Invoices', draftState },
    });
    const definition = { nodes: [{ id: 'start', type: 'trigger.manual' }], edges: [] };
    await prisma.workflowVersion.create({
      data: { orgId: org.id, workflowId: workflow.id, version: 1, definition, checksum: 'abc' },
    });

    const stored = await prisma.workflow.findUniqueOrThrow({
      where: { id: workflow.id },
      include: { versions: true },
    });
    expect(Array.from(stored.draftState!)).toEqual([1, 2, 3, 250]);
    expect(stored.versions).toHaveLength(1);
    expect(stored.versions[0].definition).toEqual(definition);
    expect(stored.description).toBe('');
  });

  it('refuses a second version with the same number', async () => {
    const prisma = db();
    const org = await prisma.org.findUniqueOrThrow({ where: { slug } });
    const workflow = await prisma.workflow.findFirstOrThrow({ where: { orgId: org.id } });
    await expect(
      prisma.workflowVersion.create({
        data: { orgId: org.id, workflowId: workflow.id, version: 1, definition: {}, checksum: 'def' },
      }),
    ).rejects.toMatchObject({ code: 'P2002' });
  });

  it('has every migration applied, recorded the way `prisma migrate deploy` records them', async () => {
    const rows = await db().$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.migration_name).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(row.finished_at).toBeInstanceOf(Date);
    }
  });
});
