import { Redis } from 'ioredis';
import { apiFetch } from './api';
import { db } from '@/lib/db/client';
import { runEventsChannel } from '@/lib/events/run-events';
import type { WorkflowDefinitionInput } from '@/lib/definition/schema';

const TERMINAL = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

async function post(path: string, body: unknown) {
  const response = await apiFetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`POST ${path} failed: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Creates a workflow and publishes `definition` as version 1, through the REST API. */
export async function publishWorkflow(name: string, definition: WorkflowDefinitionInput): Promise<string> {
  const workflow = await post('/api/workflows', { name });
  await post(`/api/workflows/${workflow.id}/versions`, { definition });
  return workflow.id;
}

export async function startRun(workflowId: string, input?: unknown): Promise<string> {
  const response = await apiFetch(`/api/workflows/${workflowId}/runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ input }),
  });
  const body = await response.json();
  if (response.status !== 202) throw new Error(`start failed: ${response.status} ${JSON.stringify(body)}`);
  return body.runId;
}

export async function getRun(runId: string) {
  const response = await apiFetch(`/api/runs/${runId}`);
  return response.json();
}

/**
 * Waits for a run to reach one of `statuses` by listening to its live events, checking the
 * database once subscribed so an event published before the subscription is not missed.
 */
export async function waitForRun(runId: string, statuses: string[] = TERMINAL, timeoutMs = 45_000) {
  const subscriber = new Redis(process.env.REDIS_URL!);
  try {
    const reached = new Promise<void>((resolve) => {
      subscriber.on('message', (_channel, message) => {
        const event = JSON.parse(message) as { run?: { status: string } };
        if (event.run && statuses.includes(event.run.status)) resolve();
      });
    });
    await subscriber.subscribe(runEventsChannel(runId));
    const current = await db().run.findUnique({ where: { id: runId }, select: { status: true } });
    if (!current || !statuses.includes(current.status)) {
      await Promise.race([
        reached,
        new Promise((_, reject) =>
          setTimeout(
            () => reject(new Error(`run ${runId} did not reach ${statuses.join('/')} in ${timeoutMs} ms`)),
            timeoutMs,
          ),
        ),
      ]);
    }
  } finally {
    subscriber.disconnect();
  }
  return getRun(runId);
}

/**
 * A run of a published trigger → output workflow, ended: the row tests add recorded steps to, as
 * a loop or retries would have written them.
 */
export async function endedTriggerToOutputRun(workflowName: string) {
  const workflowId = await publishWorkflow(workflowName, {
    nodes: [
      { id: 'start', type: 'trigger.manual' },
      { id: 'out', type: 'flow.output', config: { value: 'ok' } },
    ],
    edges: [{ source: 'start', target: 'out' }],
  });
  const runId = await startRun(workflowId);
  await waitForRun(runId);
  return db().run.findUniqueOrThrow({ where: { id: runId } });
}
