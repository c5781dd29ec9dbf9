import { orgDb } from '../db/tenant';
import { isUuid } from '../db/ids';
import type { Prisma } from '../db/generated/client';
import { notFound } from '../api/errors';
import type { OrgContext } from '../auth/current-org';
import { encodeListCursor } from './list-cursor';
import { createWorkflowInput, type CreateWorkflowInput, type WorkflowChanges, type WorkflowListQuery } from './schemas';
import { recordAudit } from '../audit/record';
import { toDraftDefinition } from '../collab/draft-doc';
import { initialDraftState } from '../collab/stored-draft';
import { findTemplate } from './templates';
import { removeSchedule } from '../schedules/schedules';
import { removeEventSubscriptions } from '../events-bus/subscriptions';

export interface WorkflowSummary {
  id: string;
  name: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
  latestVersion: number | null;
  runCount: number;
}

export interface WorkflowPage {
  items: WorkflowSummary[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

const summarySelect = {
  id: true,
  name: true,
  description: true,
  createdAt: true,
  updatedAt: true,
  versions: { select: { version: true }, orderBy: { version: 'desc' }, take: 1 },
  _count: { select: { runs: true } },
} satisfies Prisma.WorkflowSelect;

function toSummary(row: Prisma.WorkflowGetPayload<{ select: typeof summarySelect }>): WorkflowSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    latestVersion: row.versions[0]?.version ?? null,
    runCount: row._count.runs,
  };
}

/**
 * The filter for one live workflow of the org. Other orgs' and deleted workflows look absent
 * (404, never 403); an id that is not a UUID cannot exist, and Postgres would reject it with a 500.
 */
function liveWorkflow(org: OrgContext, id: string) {
  if (!isUuid(id)) throw notFound(`Workflow "${id}"`);
  return { id, orgId: org.orgId, deletedAt: null };
}

/** Most recently updated first; (updatedAt, id) keeps the order total so no row is skipped or repeated. */
export async function listWorkflowPage(org: OrgContext, { limit, cursor }: WorkflowListQuery): Promise<WorkflowPage> {
  const rows = await orgDb(org.orgId).workflow.findMany({
    where: {
      orgId: org.orgId,
      deletedAt: null,
      ...(cursor && {
        OR: [{ updatedAt: { lt: cursor.updatedAt } }, { updatedAt: cursor.updatedAt, id: { lt: cursor.id } }],
      }),
    },
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    // One extra row tells whether another page follows.
    take: limit + 1,
    select: summarySelect,
  });
  const items = rows.slice(0, limit).map(toSummary);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeListCursor(last) : null };
}

export async function listWorkflows(org: OrgContext, options: { limit?: number } = {}): Promise<WorkflowSummary[]> {
  return (await listWorkflowPage(org, { limit: options.limit ?? 50 })).items;
}

export async function getWorkflow(org: OrgContext, id: string): Promise<WorkflowSummary> {
  const row = await orgDb(org.orgId).workflow.findFirst({ where: liveWorkflow(org, id), select: summarySelect });
  if (!row) throw notFound(`Workflow "${id}"`);
  return toSummary(row);
}

/** A new workflow with an empty draft, or a template's draft; either way nothing is published yet. */
export async function createWorkflow(org: OrgContext, input: CreateWorkflowInput): Promise<WorkflowSummary> {
  const { name, description, templateId } = createWorkflowInput.parse(input);
  const template = templateId === undefined ? undefined : findTemplate(templateId);
  const draftState = template
    ? initialDraftState({ name, description, definition: toDraftDefinition(template.definition) })
    : undefined;
  const row = await orgDb(org.orgId).workflow.create({
    data: { orgId: org.orgId, name, description, createdById: org.userId, draftState },
    select: summarySelect,
  });
  await recordAudit(org, {
    action: 'workflow.create',
    targetType: 'workflow',
    targetId: row.id,
    data: template ? { name, templateId: template.id } : { name },
  });
  return toSummary(row);
}

export async function updateWorkflow(org: OrgContext, id: string, changes: WorkflowChanges): Promise<WorkflowSummary> {
  const { count } = await orgDb(org.orgId).workflow.updateMany({ where: liveWorkflow(org, id), data: changes });
  if (count === 0) throw notFound(`Workflow "${id}"`);
  await recordAudit(org, { action: 'workflow.update', targetType: 'workflow', targetId: id, data: changes });
  return getWorkflow(org, id);
}

/** Soft delete: versions and runs stay for the audit trail, the workflow disappears from the API. */
export async function deleteWorkflow(org: OrgContext, id: string): Promise<void> {
  const { count } = await orgDb(org.orgId).workflow.updateMany({
    where: liveWorkflow(org, id),
    data: { deletedAt: new Date() },
  });
  if (count === 0) throw notFound(`Workflow "${id}"`);
  await recordAudit(org, { action: 'workflow.delete', targetType: 'workflow', targetId: id });
  await removeSchedule(org.orgId, id);
  await removeEventSubscriptions(org.orgId, id);
}
