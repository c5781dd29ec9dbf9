import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { createApiKey } from '@/lib/auth/api-keys';
import { db } from '@/lib/db/client';
import { api, apiFetch, ownerOrg } from '../support/api';
import { getRun, waitForRun } from '../support/engine';

interface Answer {
  status: number;
  json: Record<string, unknown>;
}

const answer = async (response: Response): Promise<Answer> => ({
  status: response.status,
  json: await response.json(),
});

const json = (method: string, body?: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

async function createWorkflow(): Promise<string> {
  const response = await apiFetch('/api/workflows', json('POST', { name: `webhook test ${randomUUID()}` }));
  expect(response.status).toBe(201);
  return (await response.json()).id;
}

/** Replaces the draft: a webhook trigger `hook` with `config`, and an output (of type `outType`) of `value`. */
async function putDraft(
  workflowId: string,
  config: Record<string, unknown>,
  value = '{{ input.body.order }}',
  outType = 'flow.output',
) {
  const definition = {
    nodes: [
      { id: 'hook', type: 'trigger.webhook', config, position: { x: 0, y: 0 } },
      { id: 'out', type: outType, config: { value }, position: { x: 240, y: 0 } },
    ],
    edges: [{ source: 'hook', target: 'out' }],
  };
  const response = await apiFetch(`/api/workflows/${workflowId}/draft`, json('PUT', { definition }));
  expect(response.status).toBe(200);
}

const listen = async (workflowId: string, init: RequestInit = json('POST')) =>
  answer(await apiFetch(`/api/workflows/${workflowId}/webhook/test`, init));

const state = async (workflowId: string) => answer(await apiFetch(`/api/workflows/${workflowId}/webhook/test`));

/** A call to the test URL as an outside service makes it: no session, no API key. */
const call = async (path: string, init: RequestInit) => answer(await fetch(api(path), init));

describe('a webhook trigger test URL', () => {
  it('takes one call while the editor listens, runs the draft with it, and shows the call to the editor', async () => {
    const workflowId = await createWorkflow();
    await putDraft(workflowId, { methods: ['POST'] });
    const { webUrl } = inject('platform');

    const idle = await state(workflowId);
    expect(idle).toEqual({
      status: 200,
      json: {
        path: expect.stringMatching(/^\/api\/hooks\/test\/[\w-]{43}$/),
        url: `${webUrl}${idle.json.path}`,
        listening: false,
        expiresAt: null,
        lastCall: null,
      },
    });
    const path = idle.json.path as string;
    // Not listening: the call is refused and starts nothing.
    expect(await call(path, json('POST', { order: 1 }))).toEqual({
      status: 404,
      json: {
        error: {
          code: 'not_found',
          message:
            'This test URL is not listening: select the webhook trigger in the editor and click "Listen for test call", then call it within 2 minutes',
        },
      },
    });

    const listening = await listen(workflowId);
    expect(listening).toEqual({
      status: 200,
      json: { ...idle.json, listening: true, expiresAt: expect.any(String) },
    });
    const called = await call(path, json('POST', { order: 42 }, { 'x-source': 'test' }));
    expect(called).toEqual({ status: 202, json: { runId: expect.any(String) } });
    const runId = called.json.runId as string;
    await waitForRun(runId);
    const run = await getRun(runId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', version: null, trigger: 'WEBHOOK', output: 42 });
    expect(run.startedBy).toMatchObject({ type: 'USER' });
    const row = await db().run.findUniqueOrThrow({
      where: { id: runId },
      select: { versionId: true, draftDefinition: true },
    });
    expect(row.versionId).toBeNull();
    expect((row.draftDefinition as { nodes: { id: string }[] }).nodes.map((node) => node.id)).toEqual(['hook', 'out']);
    // The draft ran: the workflow still has no published version.
    expect((await answer(await apiFetch(`/api/workflows/${workflowId}/versions`))).json).toEqual({ items: [] });

    expect(await state(workflowId)).toEqual({
      status: 200,
      json: {
        ...idle.json,
        lastCall: {
          receivedAt: expect.any(String),
          method: 'POST',
          request: expect.objectContaining({
            method: 'POST',
            bodyEncoding: 'json',
            body: { order: 42 },
            headers: expect.objectContaining({ 'x-source': 'test' }),
          }),
          requestOmitted: null,
          runId,
          status: 202,
          error: null,
        },
      },
    });
    // One call per listen: the next is refused.
    expect((await call(path, json('POST', { order: 43 }))).status).toBe(404);
  });

  it('holds the trigger to its draft config and shows the editor why a call was refused', async () => {
    const workflowId = await createWorkflow();
    await putDraft(workflowId, { methods: ['PUT'] });
    const path = (await state(workflowId)).json.path as string;
    await listen(workflowId);
    expect(await call(path, json('POST', {}))).toEqual({
      status: 405,
      json: {
        error: {
          code: 'method_not_allowed',
          message: 'This webhook accepts PUT, not POST',
          details: { allowed: ['PUT'] },
        },
      },
    });
    expect((await state(workflowId)).json.lastCall).toEqual({
      receivedAt: expect.any(String),
      method: 'POST',
      request: null,
      requestOmitted: null,
      runId: null,
      status: 405,
      error: 'This webhook accepts PUT, not POST',
    });

    // Auth asked for, but the workflow was never published, so there is no secret to check with.
    await putDraft(workflowId, { methods: ['POST'], auth: 'bearer' });
    await listen(workflowId);
    expect(await call(path, json('POST', {}, { authorization: 'Bearer guess' }))).toEqual({
      status: 401,
      json: {
        error: {
          code: 'invalid_webhook_secret',
          message: 'This webhook has no bearer secret yet: its workflow editors must rotate its secret',
        },
      },
    });

    // A draft that cannot run is refused naming the node, and starts nothing.
    await putDraft(workflowId, { methods: ['POST'] }, '{{ input.body.order }}', 'flow.nothing');
    await listen(workflowId);
    const broken = await call(path, json('POST', { order: 1 }));
    expect(broken.status).toBe(422);
    expect(broken.json.error).toMatchObject({
      code: 'invalid_definition',
      details: [expect.objectContaining({ nodeId: 'out' })],
    });
    expect(await db().run.count({ where: { workflowId } })).toBe(0);
  });

  it('refuses to listen without a webhook trigger in the draft, or for a viewer', async () => {
    const workflowId = await createWorkflow();
    expect(await listen(workflowId)).toEqual({
      status: 409,
      json: {
        error: {
          code: 'no_webhook_trigger',
          message: 'The draft has no webhook trigger (trigger.webhook): add one to listen for a test call',
        },
      },
    });
    await putDraft(workflowId, { methods: ['POST'] });
    const key = await createApiKey(ownerOrg(), { name: `webhook test viewer ${randomUUID()}`, role: 'VIEWER' });
    const asViewer = (method: string) =>
      fetch(api(`/api/workflows/${workflowId}/webhook/test`), {
        method,
        headers: { authorization: `Bearer ${key.key}` },
      }).then(answer);
    expect(await asViewer('POST')).toEqual({
      status: 403,
      json: { error: { code: 'forbidden', message: 'Your role (VIEWER) may not workflow edit' } },
    });
    expect((await asViewer('GET')).json).toMatchObject({ listening: false });
  });

  it('reruns a run of the draft with the definition it ran, not a published version', async () => {
    const workflowId = await createWorkflow();
    await putDraft(workflowId, { methods: ['POST'] }, '{{ input.body.order * 2 }}');
    const path = (await state(workflowId)).json.path as string;
    await listen(workflowId);
    const { runId } = (await call(path, json('POST', { order: 5 }))).json as { runId: string };
    await waitForRun(runId);
    // The draft changes after the test call; the rerun keeps to what the run ran.
    await putDraft(workflowId, { methods: ['POST'] }, '{{ input.body.order * 3 }}');
    const rerun = await answer(
      await apiFetch(`/api/runs/${runId}/rerun`, json('POST', { from: 'start', version: 'same' })),
    );
    expect(rerun).toEqual({ status: 202, json: { runId: expect.any(String), version: null } });
    const again = rerun.json.runId as string;
    await waitForRun(again);
    expect(await getRun(again)).toMatchObject({ status: 'SUCCEEDED', version: null, trigger: 'RERUN', output: 10 });
  });
});
