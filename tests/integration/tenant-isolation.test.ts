import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/auth/api-keys';
import { db } from '@/lib/db/client';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import { apiFetch } from '../support/api';

// The default org (A) owns a workflow, a run and a credential; a second org (B) asks for them
// with its own API key, by id and through every list.
describe('tenant isolation between two orgs', () => {
  let otherKey = '';
  let workflowId = '';
  let runId = '';
  let credentialId = '';

  beforeAll(async () => {
    const orgB = await db().org.create({ data: { slug: `org-b-${randomUUID()}`, name: 'Org B' } });
    const userB = await db().user.create({ data: { email: `b-${randomUUID()}@example.test` } });
    await db().membership.create({ data: { orgId: orgB.id, userId: userB.id, role: 'OWNER' } });
    otherKey = (
      await createApiKey(
        {
          orgId: orgB.id,
          orgName: orgB.name,
          userId: userB.id,
          role: 'OWNER',
          actor: { type: 'USER', id: userB.id, label: userB.email },
        },
        { name: 'org b', role: 'OWNER' },
      )
    ).key;

    workflowId = await publishWorkflow('Org A secret flow', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'out', type: 'flow.output', config: { value: 'a' } },
      ],
      edges: [{ source: 'start', target: 'out' }],
    });
    runId = await startRun(workflowId);
    await waitForRun(runId);
    const created = await apiFetch('/api/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: `a-${randomUUID()}`, type: 'bearer', value: { token: 'a-token' } }),
    });
    credentialId = (await created.json()).id;
  });

  const asB = (path: string, init: RequestInit = {}) =>
    apiFetch(path, { ...init, headers: { authorization: `Bearer ${otherKey}`, 'content-type': 'application/json' } });

  it("answers 404 for the other org's ids, never 403", async () => {
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/workflows/${workflowId}`],
      ['PATCH', `/api/workflows/${workflowId}`, { name: 'taken' }],
      ['DELETE', `/api/workflows/${workflowId}`],
      ['GET', `/api/workflows/${workflowId}/versions`],
      ['GET', `/api/workflows/${workflowId}/export`],
      ['POST', `/api/workflows/${workflowId}/runs`, {}],
      ['GET', `/api/runs/${runId}`],
      ['POST', `/api/runs/${runId}/cancel`],
      ['POST', `/api/runs/${runId}/rerun`, {}],
      ['POST', `/api/runs/${runId}/approvals/review`, { decision: 'approved' }],
      ['GET', `/api/credentials/${credentialId}`],
      ['DELETE', `/api/credentials/${credentialId}`],
    ];
    for (const [method, path, body] of attempts) {
      const response = await asB(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
  });

  it("shows nothing of the other org's data in lists", async () => {
    const lists = ['/api/workflows', '/api/runs', '/api/credentials', '/api/audit-events', '/api/api-keys'];
    for (const path of lists) {
      const text = await (await asB(path)).text();
      for (const id of [workflowId, runId, credentialId]) expect(text, path).not.toContain(id);
    }
  });
});
