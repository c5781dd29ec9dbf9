import { db } from '../db/client';
import type { OrgContext } from '../auth/current-org';
import { createWorkflowInput, type CreateWorkflowInput } from './schemas';

export interface WorkflowSummary {
  id: string;
  name: string;
  description: string;
  updatedAt: Date;
  latestVersion: number | null;
  runCount: number;
}

export async function listWorkflows(org: OrgContext, options: { limit?: number } = {}): Promise<WorkflowSummary[]> {
  const rows = await db().workflow.findMany({
    where: { orgId: org.orgId, deletedAt: null },
    orderBy: { updatedAt: 'desc' },
    take: options.limit ?? 50,
    select: {
      id: true,
      name: true,
      description: true,
      updatedAt: true,
      versions: { select: { version: true }, orderBy: { version: 'desc' }, take: 1 },
      _count: { select: { runs: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    updatedAt: row.updatedAt,
    latestVersion: row.versions[0]?.version ?? null,
    runCount: row._count.runs,
  }));
}

export async function createWorkflow(org: OrgContext, input: CreateWorkflowInput) {
  const { name, description } = createWorkflowInput.parse(input);
  return db().workflow.create({
    data: { orgId: org.orgId, name, description, createdById: org.userId },
    select: { id: true, name: true },
  });
}
