import type { RunStep } from '../db/generated/client';

/** A node's status across its attempts and loop passes, as the run views show it. */
export interface NodeSummary {
  status: string;
  attempts: number;
  iterations: number;
  startedAt: Date | null;
  endedAt: Date | null;
  error: unknown;
}

/** A step as the API shows it: without the ids of its org and run, or its change number. */
export function publicStep({ orgId: _orgId, runId: _runId, eventSeq: _eventSeq, ...step }: RunStep) {
  return step;
}

/** Per node, the latest step's status and timings; `steps` in the order they started. */
export function summarizeNodes(steps: RunStep[]): Record<string, NodeSummary> {
  const nodes: Record<string, NodeSummary> = {};
  for (const step of steps) {
    const current = nodes[step.nodeId];
    nodes[step.nodeId] = {
      status: step.status,
      attempts: Math.max(current?.attempts ?? 0, step.attempt),
      iterations: Math.max(current?.iterations ?? 0, step.iteration + 1),
      startedAt: current?.startedAt ?? step.startedAt,
      endedAt: step.endedAt,
      error: step.error,
    };
  }
  return nodes;
}

/** The order summarizeNodes expects, as a Prisma orderBy. */
export const STEP_ORDER = [{ startedAt: 'asc' as const }, { attempt: 'asc' as const }];

/** STEP_ORDER in SQL, and its reverse: a node's latest step first (with DISTINCT ON). */
export const STEP_ORDER_SQL = 'started_at ASC, attempt ASC';
export const LATEST_STEP_FIRST_SQL = 'started_at DESC NULLS FIRST, attempt DESC';
