import { describe, expect, it } from 'vitest';
import { apiFetch } from '../support/api';

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await apiFetch(path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

describe('audit log', () => {
  it('records who did what from where, filterable and exportable as CSV', async () => {
    const key = (await call('POST', '/api/api-keys', { name: 'ci bot', role: 'EDITOR' })).json().key as string;
    const asBot = {
      authorization: `Bearer ${key}`,
      'user-agent': 'ci-bot/1.0',
      'x-forwarded-for': '203.0.113.7, 10.0.0.1',
    };
    const workflow = (await call('POST', '/api/workflows', { name: 'Audited' }, asBot)).json();
    const definition = {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'out', type: 'flow.output', config: { value: 1 } },
      ],
      edges: [{ source: 'start', target: 'out' }],
    };
    expect((await call('POST', `/api/workflows/${workflow.id}/versions`, { definition }, asBot)).status).toBe(201);
    const run = (await call('POST', `/api/workflows/${workflow.id}/runs`, {}, asBot)).json();

    const events = (await call('GET', `/api/audit-events?targetId=${workflow.id}`)).json().items;
    expect(events.map((event: { action: string }) => event.action).sort()).toEqual([
      'workflow.create',
      'workflow.publish',
    ]);
    expect(events[0]).toMatchObject({
      actorType: 'API_KEY',
      actorLabel: expect.stringContaining('ci bot'),
      // No proxy is declared on the test platform: the forged X-Forwarded-For is dropped and the
      // connection's own address recorded.
      ip: '127.0.0.1',
      userAgent: 'ci-bot/1.0',
    });
    const started = (await call('GET', `/api/audit-events?action=run.&targetId=${run.runId}`)).json().items;
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ action: 'run.start', data: { workflowId: workflow.id, version: 1 } });

    const csv = await call('GET', `/api/audit-events?targetId=${workflow.id}&format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('createdAt,action,actorType,actorId,actorLabel,targetType,targetId,ip,userAgent,data');
    expect(lines).toHaveLength(3);
    expect(csv.text).toContain('workflow.publish');

    const viewerKey = (await call('POST', '/api/api-keys', { name: 'viewer', role: 'VIEWER' })).json().key;
    expect((await call('GET', '/api/audit-events', undefined, { authorization: `Bearer ${viewerKey}` })).status).toBe(
      403,
    );
    expect((await call('GET', '/api/audit-events?from=yesterday')).status).toBe(400);
  });
});
