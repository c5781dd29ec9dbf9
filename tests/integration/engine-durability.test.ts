import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProcess, type ManagedProcess } from '@/launcher/managed-process';
import { projectRoot } from '@/launcher/apps';
import { db } from '@/lib/db/client';
import { validateDefinition } from '@/lib/definition/validate';
import { RUN_WORKFLOW_TYPE, type RunWorkflowInput } from '@/lib/runs/run-contract';
import { temporalClient } from '@/temporal/client';
import { publishWorkflow, waitForRun } from '../support/engine';
import { TestServer } from '../support/test-server';
import { ownerOrg } from '../support/api';

const server = new TestServer();
const workers: ManagedProcess[] = [];

function startWorker(taskQueue: string): ManagedProcess {
  const worker = startProcess({
    name: 'test-worker',
    command: process.execPath,
    args: ['--import', 'tsx', 'temporal/worker.ts'],
    cwd: projectRoot,
    env: { TEMPORAL_TASK_QUEUE: taskQueue, LOG_LEVEL: 'error' },
    readyWhen: 'signal',
    silent: true,
  });
  workers.push(worker);
  return worker;
}

let base = '';
beforeAll(async () => {
  base = await server.start();
});
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await server.stop();
});

/**
 * Runs start → charge → out on a worker of its own, kills that worker while `charge` waits on its
 * request, starts another and waits for the run's end; the charge's attempts as recorded. With
 * `failingFirst`, the first call fails (503) and the kill comes during the retry.
 */
async function killMidRequest(path: string, activityMode: 'local' | 'regular', failingFirst = false) {
  // A request an earlier test held would count as this one's.
  server.releaseHeld();
  const answers = [
    ...(failingFirst ? [{ status: 503, json: { busy: true } }] : []),
    'hold' as const,
    { json: { charged: true } },
  ];
  let calls = 0;
  server.on(path, () => answers[Math.min(calls++, answers.length - 1)]);
  const definition = {
    nodes: [
      { id: 'start', type: 'trigger.manual' },
      {
        id: 'charge',
        type: 'http.request',
        config: { method: 'POST', url: `${base}${path}`, body: { type: 'json', value: { cents: 500 } } },
        settings: { activityMode, retry: { maxAttempts: 5, initialIntervalMs: 100 } },
      },
      { id: 'out', type: 'flow.output', config: { value: '{{ nodes.charge.output.body }}' } },
    ],
    edges: [
      { source: 'start', target: 'charge' },
      { source: 'charge', target: 'out' },
    ],
  };
  const validation = validateDefinition(definition);
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
  const workflowId = await publishWorkflow(`durability ${activityMode}`, definition);
  const org = ownerOrg();
  const version = await db().workflowVersion.findFirstOrThrow({ where: { workflowId } });
  const runId = randomUUID();
  await db().run.create({ data: { id: runId, orgId: org.orgId, workflowId, versionId: version.id, trigger: 'API' } });

  // This run's workflow and activities live on a queue only this test's workers poll.
  const taskQueue = `durability-${activityMode}-${randomUUID()}`;
  const first = startWorker(taskQueue);
  await first.ready;
  const input: RunWorkflowInput = {
    runId,
    orgId: org.orgId,
    workflowId,
    version: 1,
    definition: validation.definition,
    input: null,
    requestedAt: new Date().toISOString(),
  };
  await (await temporalClient()).workflow.start(RUN_WORKFLOW_TYPE, { taskQueue, workflowId: runId, args: [input] });

  await server.waitForHeld();
  process.kill(-first.pid, 'SIGKILL');
  await first.exited;
  await startWorker(taskQueue).ready;

  const run = await waitForRun(runId, ['SUCCEEDED', 'FAILED', 'CANCELLED'], 90_000);
  expect(run.status).toBe('SUCCEEDED');
  expect(run.output).toEqual({ charged: true });
  const keys = server.requests(path).map((request) => request.headers['idempotency-key']);
  expect(keys.length).toBeGreaterThanOrEqual(2);
  expect(new Set(keys)).toEqual(new Set([`${runId}:charge`]));
  return run.steps
    .filter((step: { nodeId: string }) => step.nodeId === 'charge')
    .map((step: { attempt: number; status: string; error: { type?: string } | null }) => [
      step.attempt,
      step.status,
      step.error?.type ?? null,
    ]);
}

describe('engine: durability', () => {
  it('finishes a run after its worker is killed mid-request, with one idempotency key', async () => {
    // The attempt the kill interrupted is recorded as lost when its retry starts, not left running.
    expect(await killMidRequest('/charge', 'regular')).toEqual([
      [1, 'FAILED', 'WorkerLost'],
      [2, 'SUCCEEDED', null],
    ]);
  }, 120_000);

  it('runs a local activity node again on the next worker when its worker is killed mid-request', async () => {
    // The workflow task that ran it timed out, so the next worker runs the node again from
    // Temporal's first attempt: it is numbered after the attempt the kill interrupted.
    expect(await killMidRequest('/charge-local', 'local')).toEqual([
      [1, 'FAILED', 'WorkerLost'],
      [2, 'SUCCEEDED', null],
    ]);
  }, 120_000);

  it('keeps the failed attempt and the interrupted retry of a local activity node killed during its retry', async () => {
    expect(await killMidRequest('/charge-local-retry', 'local', true)).toEqual([
      [1, 'FAILED', 'HttpError503'],
      [2, 'FAILED', 'WorkerLost'],
      [3, 'SUCCEEDED', null],
    ]);
  }, 120_000);
});
