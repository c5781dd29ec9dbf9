import { db } from '../../lib/db/client';
import { Prisma } from '../../lib/db/generated/client';
import { publishProgress } from '../../lib/events/run-events';
import type { ProgressReport, StepRecord } from '../../lib/runs/run-contract';

const json = (value: unknown) =>
  value === undefined ? undefined : value === null ? Prisma.JsonNull : (value as Prisma.InputJsonValue);
const date = (iso?: string) => (iso ? new Date(iso) : undefined);

function stepData(step: StepRecord) {
  return {
    status: step.status,
    input: json(step.input),
    output: json(step.output),
    handles: step.handles,
    error: json(step.error),
    startedAt: date(step.startedAt),
    endedAt: date(step.endedAt),
  };
}

/**
 * Writes what the interpreter reports (step records, run status) and publishes it for live
 * views. Idempotent: a retried report upserts the same rows.
 */
export async function recordProgress(report: ProgressReport): Promise<void> {
  const prisma = db();
  const { runId, orgId, run } = report;
  await prisma.$transaction([
    ...report.steps.map((step) =>
      prisma.runStep.upsert({
        where: {
          runId_nodeId_iteration_attempt: {
            runId,
            nodeId: step.nodeId,
            iteration: step.iteration,
            attempt: step.attempt,
          },
        },
        create: {
          orgId,
          runId,
          nodeId: step.nodeId,
          iteration: step.iteration,
          attempt: step.attempt,
          ...stepData(step),
        },
        update: stepData(step),
      }),
    ),
    ...(run
      ? [
          prisma.run.update({
            where: { id: runId },
            data: {
              status: run.status,
              output: json(run.output),
              error: json(run.error),
              startedAt: date(run.startedAt),
              endedAt: date(run.endedAt),
            },
          }),
          prisma.$executeRaw`UPDATE runs SET duration_ms = (EXTRACT(EPOCH FROM (ended_at - started_at)) * 1000)::int
            WHERE id = ${runId} AND ended_at IS NOT NULL AND started_at IS NOT NULL`,
        ]
      : []),
  ]);
  await publishProgress(report);
}
