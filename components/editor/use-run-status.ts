'use client';

import { useEffect, useState } from 'react';

export interface NodeRunStatus {
  status: string;
  attempt: number;
  error?: { message?: string; type?: string };
}

export interface RunStatus {
  runId: string;
  status: string;
  nodes: Record<string, NodeRunStatus>;
}

interface StepEvent {
  nodeId: string;
  status: string;
  attempt: number;
  error?: NodeRunStatus['error'] | null;
}

/**
 * Follows a run's event stream (GET /api/runs/:id/events): the snapshot, then every step and
 * status change, so the canvas can light nodes up as they run. EventSource resumes by itself
 * after a dropped connection, from the last event it saw.
 */
export function useRunStatus(runId: string | null): RunStatus | null {
  const [run, setRun] = useState<RunStatus | null>(null);
  useEffect(() => {
    if (!runId) return;
    const source = new EventSource(`/api/runs/${runId}/events`);
    const update = (change: (current: RunStatus) => RunStatus) =>
      setRun((current) => change(current?.runId === runId ? current : { runId, status: 'QUEUED', nodes: {} }));
    source.addEventListener('snapshot', (event) => {
      const data = JSON.parse((event as MessageEvent).data) as {
        run: { status: string };
        nodes: Record<string, { status: string; attempts: number; error?: NodeRunStatus['error'] }>;
      };
      const nodes = Object.fromEntries(
        Object.entries(data.nodes).map(([id, node]) => [
          id,
          { status: node.status, attempt: node.attempts, error: node.error ?? undefined },
        ]),
      );
      update(() => ({ runId, status: data.run.status, nodes }));
    });
    source.addEventListener('step', (event) => {
      const step = JSON.parse((event as MessageEvent).data) as StepEvent;
      update((current) => ({
        ...current,
        nodes: {
          ...current.nodes,
          [step.nodeId]: { status: step.status, attempt: step.attempt, error: step.error ?? undefined },
        },
      }));
    });
    source.addEventListener('run', (event) => {
      const data = JSON.parse((event as MessageEvent).data) as { status: string };
      update((current) => ({ ...current, status: data.status }));
      if (['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(data.status)) source.close();
    });
    return () => source.close();
  }, [runId]);
  return run;
}
