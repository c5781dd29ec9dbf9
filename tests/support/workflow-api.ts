import { randomUUID } from 'node:crypto';
import { afterEach, expect, inject } from 'vitest';
import { asOwner } from './api';

export const validDefinition = {
  nodes: [
    { id: 'start', type: 'trigger.manual' },
    { id: 'out', type: 'flow.output', config: { value: '{{ input.x }}' } },
  ],
  edges: [{ source: 'start', target: 'out' }],
};

/** Calls `/api<path>` as the test owner; a string body is sent as it is, to test malformed bodies. */
export async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(
    `${inject('platform').webUrl}/api${path}`,
    asOwner({
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

export const publish = (workflowId: string, definition: unknown = validDefinition) =>
  call('POST', `/workflows/${workflowId}/versions`, { definition });

/**
 * Workflows for one test file, soft-deleted after each test: the home page's browser test
 * expects the owner's org to have none left over.
 */
export function testWorkflowTracker() {
  const createdIds = new Set<string>();
  afterEach(async () => {
    await Promise.all([...createdIds].map((id) => call('DELETE', `/workflows/${id}`)));
    createdIds.clear();
  });
  return {
    /** Marks a workflow made some other way (an import) for deletion too. */
    track: (id: string) => createdIds.add(id),
    async createWorkflow(name = `API test ${randomUUID()}`) {
      const { status, body } = await call('POST', '/workflows', { name });
      expect(status).toBe(201);
      createdIds.add(body.id);
      return body as { id: string; name: string };
    },
  };
}
