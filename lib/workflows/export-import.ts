import { orgDb } from '../db/tenant';
import type { Prisma } from '../db/generated/client';
import { ApiError, notFound } from '../api/errors';
import type { OrgContext } from '../auth/current-org';
import {
  exportFilename,
  WORKFLOW_EXPORT_FORMAT,
  WORKFLOW_EXPORT_FORMAT_VERSION,
  type WorkflowExportFile,
} from './export-format';
import { requireStorableDefinition } from './versions';
import { getWorkflow } from './workflows';
import { recordAudit } from '../audit/record';

export interface WorkflowExport {
  filename: string;
  file: WorkflowExportFile;
}

/** Which definition an export carries: the latest version, one by number, or the live draft. */
export type ExportSource = 'latest' | 'draft' | number;

/**
 * A workflow as a portable file: by default its latest published version; `draft` reads the live
 * draft (through `readDraft`, which the caller passes, so this module needs no collab client).
 */
export async function exportWorkflow(
  org: OrgContext,
  workflowId: string,
  source: ExportSource = 'latest',
  readDraft?: () => Promise<{ definition: object }>,
): Promise<WorkflowExport> {
  const workflow = await getWorkflow(org, workflowId);
  const chosen =
    source === 'draft' && readDraft
      ? await readDraft()
      : await orgDb(org.orgId).workflowVersion.findFirst({
          where: { orgId: org.orgId, workflowId, ...(typeof source === 'number' ? { version: source } : {}) },
          orderBy: { version: 'desc' },
          select: { definition: true },
        });
  if (!chosen) {
    throw typeof source === 'number'
      ? notFound(`Version ${source} of workflow "${workflow.name}"`)
      : new ApiError(
          409,
          'not_published',
          `Workflow "${workflow.name}" has no published version to export yet: publish it first, or export ?version=draft`,
        );
  }
  return {
    filename: exportFilename(workflow.name),
    file: {
      format: WORKFLOW_EXPORT_FORMAT,
      formatVersion: WORKFLOW_EXPORT_FORMAT_VERSION,
      name: workflow.name,
      description: workflow.description,
      definition: chosen.definition,
    },
  };
}

/** Creates a workflow with the file's definition published as version 1, both or neither; nothing runs. */
export async function importWorkflow(
  org: OrgContext,
  file: WorkflowExportFile,
): Promise<{ id: string; name: string; version: number }> {
  const { definition, checksum } = await requireStorableDefinition(file.definition);
  const workflow = await orgDb(org.orgId).workflow.create({
    data: {
      orgId: org.orgId,
      name: file.name,
      description: file.description,
      createdById: org.userId,
      versions: {
        create: {
          orgId: org.orgId,
          version: 1,
          definition: definition as Prisma.InputJsonObject,
          checksum,
          publishedById: org.userId,
        },
      },
    },
    select: { id: true, name: true },
  });
  await recordAudit(org, {
    action: 'workflow.import',
    targetType: 'workflow',
    targetId: workflow.id,
    data: { name: workflow.name },
  });
  return { ...workflow, version: 1 };
}
