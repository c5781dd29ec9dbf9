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
const taskQueue = `durability-${randomUUID()}`;
const workers: ManagedProcess[] = [];

function startWorker(): ManagedProcess {
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

describe('engine: durability', () => {
  it('finishes a run after its worker is killed mid-request, with one idempotency key', async () => {
    let calls = 0;
    server.on('/charge', () => (++calls === 1 ? 'hold' : { json: { charged: true } }));
    const definition = {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        {
          id: 'charge',
          type: 'http.request',
          config: { method: 'POST', url: `${base}/charge`, body: { type: 'json', value: { cents: 500 } } },
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
    const workflowId = await publishWorkflow('durability', definition);
    const org = ownerOrg();
    const version = await db().workflowVersion.findFirstOrThrow({ where: { workflowId } });
    const runId = randomUUID();
    await db().run.create({ data: { id: runId, orgId: org.orgId, workflowId, versionId: version.id, trigger: 'API' } });

    const first = startWorker();
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
    // This run's workflow and activities live on a queue only the test's workers poll.
    await (await temporalClient()).workflow.start(RUN_WORKFLOW_TYPE, { taskQueue, workflowId: runId, args: [input] });

    await server.waitForHeld();
    process.kill(-first.pid, 'SIGKILL');
    await first.exited;
    await startWorker().ready;

    const run = await waitForRun(runId, ['SUCCEEDED', 'FAILED', 'CANCELLED'], 90_000);
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toEqual({ charged: true });
    const keys = server.requests('/charge').map((request) => request.headers['idempotency-key']);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys)).toEqual(new Set([`${runId}:charge`]));
    // The attempt the kill interrupted is recorded as lost when its retry starts, not left running.
    const attempts = run.steps
      .filter((step: { nodeId: string }) => step.nodeId === 'charge')
      .map((step: { attempt: number; status: string; error: { type?: string } | null }) => [
        step.attempt,
        step.status,
        step.error?.type ?? null,
      ]);
    expect(attempts).toEqual([
      [1, 'FAILED', 'WorkerLost'],
      [2, 'SUCCEEDED', null],
    ]);
  }, 120_000);
});
