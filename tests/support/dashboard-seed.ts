import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db/client';
import type { RunStatus, StepStatus } from '@/lib/db/generated/enums';

const MINUTE_MS = 60_000;

export const minutesAgo = (now: number, minutes: number) => new Date(now - minutes * MINUTE_MS);

export interface SeedStep {
  nodeId: string;
  status: StepStatus;
  durationMs?: number;
  errorType?: string;
}

export interface SeedRun {
  status: RunStatus;
  /** When it ended (or, still going, when it started). */
  at: Date;
  durationMs?: number;
  steps?: SeedStep[];
}

/**
 * A workflow with one published version of `nodes` (id and type only: the dashboard reads no
 * more), and run rows inserted as the tables' owner, with exactly the outcomes and durations
 * a test wants to find again on the dashboard.
 */
export async function seedWorkflowRuns(
  orgId: string,
  name: string,
  nodes: { id: string; type: string }[],
  runs: SeedRun[],
): Promise<{ workflowId: string; runIds: string[] }> {
  const workflow = await db().workflow.create({ data: { orgId, name } });
  const version = await db().workflowVersion.create({
    data: { orgId, workflowId: workflow.id, version: 1, definition: { nodes, edges: [] }, checksum: randomUUID() },
  });
  const runIds: string[] = [];
  for (const run of runs) {
    const id = `dash-${randomUUID()}`;
    const ended = run.durationMs !== undefined;
    const startedAt = new Date(run.at.getTime() - (run.durationMs ?? 0));
    await db().run.create({
      data: {
        id,
        orgId,
        workflowId: workflow.id,
        versionId: version.id,
        trigger: 'API',
        status: run.status,
        createdAt: startedAt,
        startedAt,
        endedAt: ended ? run.at : null,
        durationMs: run.durationMs ?? null,
      },
    });
    for (const step of run.steps ?? []) {
      await db().runStep.create({
        data: {
          orgId,
          runId: id,
          nodeId: step.nodeId,
          status: step.status,
          startedAt: step.durationMs === undefined ? run.at : startedAt,
          endedAt: step.durationMs === undefined ? null : new Date(startedAt.getTime() + step.durationMs),
          error: step.errorType ? { type: step.errorType, message: `${step.errorType} on purpose` } : undefined,
        },
      });
    }
    runIds.push(id);
  }
  return { workflowId: workflow.id, runIds };
}
