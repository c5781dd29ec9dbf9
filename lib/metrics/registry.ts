import { Counter, Gauge, Histogram, Registry } from 'prom-client';

// Each process (web, worker, collab) counts what happens in it on its own registry; the web
// app's GET /api/metrics adds them up (lib/metrics/exposition.ts). Node's module cache can hold
// two copies of this file (Next's dev server re-evaluates on change), so the metrics live on
// globalThis and are created once.
function createProcessMetrics() {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    runsStarted: new Counter({
      name: 'floworchestrator_runs_started_total',
      help: 'Runs started, by workflow and trigger',
      labelNames: ['workflow_id', 'trigger'] as const,
      registers,
    }),
    runsFinished: new Counter({
      name: 'floworchestrator_runs_finished_total',
      help: 'Runs that reached an end, by workflow and final status',
      labelNames: ['workflow_id', 'status'] as const,
      registers,
    }),
    nodeDuration: new Histogram({
      name: 'floworchestrator_node_duration_seconds',
      help: 'How long each attempt of an activity node took, by node type and outcome',
      labelNames: ['node_type', 'outcome'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    }),
    nodeRetries: new Counter({
      name: 'floworchestrator_node_retries_total',
      help: 'Attempts of activity nodes after their first, by node type',
      labelNames: ['node_type'] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: 'floworchestrator_http_request_duration_seconds',
      help: 'REST API request durations, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    collabConnections: new Gauge({
      name: 'floworchestrator_collab_connections',
      help: 'Open editor connections to the collab server',
      registers,
    }),
  };
}

export type ProcessMetrics = ReturnType<typeof createProcessMetrics>;

const globalForMetrics = globalThis as unknown as { processMetrics?: ProcessMetrics };

export function processMetrics(): ProcessMetrics {
  globalForMetrics.processMetrics ??= createProcessMetrics();
  return globalForMetrics.processMetrics;
}
