import { ApplicationFailure } from '@temporalio/activity';
import { orgDb } from '../../lib/db/tenant';
import { workflowDefinitionSchema, type WorkflowDefinition } from '../../lib/definition/schema';
import { activeTrace } from '../../lib/telemetry/active-trace';

export interface PrepareChildRunInput {
  parentRunId: string;
  childRunId: string;
  orgId: string;
  workflowId: string;
  version?: number;
  input: unknown;
}

/** Finds the published version a sub-workflow node names and records the child run. */
export async function prepareChildRun(
  request: PrepareChildRunInput,
): Promise<{ version: number; definition: WorkflowDefinition }> {
  const prisma = orgDb(request.orgId);
  const version = await prisma.workflowVersion.findFirst({
    where: {
      orgId: request.orgId,
      workflowId: request.workflowId,
      workflow: { deletedAt: null },
      ...(request.version ? { version: request.version } : {}),
    },
    orderBy: { version: 'desc' },
  });
  if (!version) {
    throw ApplicationFailure.create({
      type: 'SubWorkflowNotFound',
      nonRetryable: true,
      message: `Workflow ${request.workflowId} has no published version${request.version ? ` ${request.version}` : ''}`,
    });
  }
  await prisma.run.upsert({
    where: { id: request.childRunId },
    update: {},
    create: {
      id: request.childRunId,
      orgId: request.orgId,
      workflowId: request.workflowId,
      versionId: version.id,
      trigger: 'SUBWORKFLOW',
      parentRunId: request.parentRunId,
      input: (request.input ?? undefined) as never,
      // The activity runs in the parent run's trace; the child continues it.
      traceId: activeTrace()?.traceId,
    },
  });
  return { version: version.version, definition: workflowDefinitionSchema.parse(version.definition) };
}
