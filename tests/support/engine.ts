import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { db } from '@/lib/db/client';
import { currentOrg } from '@/lib/auth/current-org';
import { validateDefinition } from '@/lib/definition/validate';
import { runEventsChannel } from '@/lib/events/run-events';
import type { WorkflowDefinitionInput } from '@/lib/definition/schema';

const TERMINAL = ['SUCCEEDED', 'FAILED', 'CANCELLED'];
export const api = (path: string) => `${inject('platform').webUrl}${path}`;

/** Creates a workflow in the default org with `definition` published as version 1. */
export async function publishWorkflow(name: string, definition: WorkflowDefinitionInput) {
  const validation = validateDefinition(definition);
  if (!validation.ok) throw new Error(`Invalid test definition: ${JSON.stringify(validation.problems)}`);
  const org = await currentOrg();
  const workflow = await db().workflow.create({ data: { orgId: org.orgId, name } });
  await db().workflowVersion.create({
    data: {
      orgId: org.orgId,
      workflowId: workflow.id,
      version: 1,
      definition: validation.definition as never,
      checksum: 'test',
    },
  });
  return workflow.id;
}

export async function startRun(workflowId: string, input?: unknown): Promise<string> {
  const response = await fetch(api(`/api/workflows/${workflowId}/runs`), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ input }),
  });
  const body = await response.json();
  if (response.status !== 202) throw new Error(`start failed: ${response.status} ${JSON.stringify(body)}`);
  return body.runId;
}

export async function getRun(runId: string) {
  const response = await fetch(api(`/api/runs/${runId}`));
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
