import pg from 'pg';
import type { OrgContext } from '../auth/current-org';
import { Prisma } from '../db/generated/client';
import { orgDb } from '../db/tenant';
import { workflowDefinitionSchema } from '../definition/schema';
import type { StartRunBody } from './schemas';
import { recordRun, type RecordedRun, type StartOptions } from './start-run';
import { ENGINE_REVISION } from './run-contract';

// From Prisma (a draft's or a limited workflow's run) or from pg (the one-statement recording).
const isUniqueViolation = (error: unknown) =>
  (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') ||
  (error instanceof pg.DatabaseError && error.code === '23505');

/** The run recorded earlier under this id, as it was recorded. */
async function recordedEarlier(orgId: string, runId: string): Promise<RecordedRun> {
  const run = await orgDb(orgId).run.findFirstOrThrow({
    where: { id: runId, orgId },
    select: {
      workflowId: true,
      input: true,
      createdAt: true,
      draftDefinition: true,
      version: { select: { version: true, definition: true } },
    },
  });
  const definition = workflowDefinitionSchema.parse(run.version?.definition ?? run.draftDefinition);
  const version = run.version?.version ?? 0;
  return {
    runId,
    version,
    workflowInput: {
      runId,
      orgId,
      workflowId: run.workflowId,
      version,
      definition,
      input: run.input,
      requestedAt: run.createdAt.toISOString(),
      engineRevision: ENGINE_REVISION,
    },
    timeoutMs: definition.settings.timeoutMs,
  };
}

/**
 * Records a run under an id derived from what starts it (a schedule's action, an event and a
 * subscriber), for activities a retry repeats: a second recording under the same id finds the
 * run the first one recorded, through the runs table's primary key, instead of making another.
 */
export async function recordRunOnce(
  org: OrgContext,
  workflowId: string,
  body: StartRunBody,
  options: StartOptions & { runId: string },
): Promise<RecordedRun> {
  try {
    return await recordRun(org, workflowId, body, options);
  } catch (error) {
    if (isUniqueViolation(error)) return recordedEarlier(org.orgId, options.runId);
    throw error;
  }
}
