import { orgDb } from '../db/tenant';
import type { Prisma } from '../db/generated/client';
import { ApiError } from '../api/errors';
import type { OrgContext } from '../auth/current-org';
import {
  exportFilename,
  WORKFLOW_EXPORT_FORMAT,
  WORKFLOW_EXPORT_FORMAT_VERSION,
  type WorkflowExportFile,
} from './export-format';
import { requireValidDefinition } from './versions';
import { getWorkflow } from './workflows';
import { recordAudit } from '../audit/record';

export interface WorkflowExport {
  filename: string;
  file: WorkflowExportFile;
}

/** The latest published version as a portable file; drafts are not exported. */
export async function exportWorkflow(org: OrgContext, workflowId: string): Promise<WorkflowExport> {
  const workflow = await getWorkflow(org, workflowId);
  const latest = await orgDb(org.orgId).workflowVersion.findFirst({
    where: { orgId: org.orgId, workflowId },
    orderBy: { version: 'desc' },
    select: { definition: true },
  });
  if (!latest) {
    throw new ApiError(
      404,
      'not_published',
      `Workflow "${workflow.name}" has no published version to export yet: publish it first`,
    );
  }
  return {
    filename: exportFilename(workflow.name),
    file: {
      format: WORKFLOW_EXPORT_FORMAT,
      formatVersion: WORKFLOW_EXPORT_FORMAT_VERSION,
      name: workflow.name,
      description: workflow.description,
      definition: latest.definition,
    },
  };
}

/** Creates a workflow with the file's definition published as version 1, both or neither; nothing runs. */
export async function importWorkflow(
  org: OrgContext,
  file: WorkflowExportFile,
): Promise<{ id: string; name: string; version: number }> {
  const { definition, checksum } = requireValidDefinition(file.definition);
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
