import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiFetch } from '../support/api';
import { getRun, waitForRun } from '../support/engine';

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const answer = async (response: Response) => ({ status: response.status, json: await response.json() });

async function draftedWorkflow(value: string, outType = 'flow.output'): Promise<string> {
  const created = await apiFetch('/api/workflows', json('POST', { name: `draft run ${randomUUID()}` }));
  const { id } = await created.json();
  const definition = {
    nodes: [
      { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 } },
      { id: 'out', type: outType, config: { value }, position: { x: 240, y: 0 } },
    ],
    edges: [{ source: 'start', target: 'out' }],
  };
  expect((await apiFetch(`/api/workflows/${id}/draft`, json('PUT', { definition }))).status).toBe(200);
  return id;
}

describe('runs of the draft', () => {
  it('runs the live draft of a workflow never published, and keeps the published version apart', async () => {
    const id = await draftedWorkflow('{{ input.x + 1 }}');
    const started = await answer(
      await apiFetch(`/api/workflows/${id}/runs`, json('POST', { input: { x: 1 }, draft: true })),
    );
    expect(started).toEqual({ status: 202, json: { runId: expect.any(String), version: null } });
    await waitForRun(started.json.runId);
    expect(await getRun(started.json.runId)).toMatchObject({ status: 'SUCCEEDED', version: null, output: 2 });

    // Without draft, the published version runs: there is none yet.
    expect(await answer(await apiFetch(`/api/workflows/${id}/runs`, json('POST', { input: { x: 1 } })))).toEqual({
      status: 409,
      json: {
        error: { code: 'not_published', message: expect.stringMatching(/has no published version to run yet$/) },
      },
    });
  });

  it('refuses a draft that could not be published, naming the node, and a version given with draft', async () => {
    const id = await draftedWorkflow('{{ input.x }}', 'flow.nothing');
    const refused = await answer(await apiFetch(`/api/workflows/${id}/runs`, json('POST', { draft: true })));
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({
      code: 'invalid_definition',
      message: expect.stringMatching(/^The draft cannot run: /),
      details: [expect.objectContaining({ nodeId: 'out' })],
    });
    expect(
      await answer(await apiFetch(`/api/workflows/${id}/runs`, json('POST', { draft: true, version: 1 }))),
    ).toEqual({
      status: 400,
      json: {
        error: {
          code: 'invalid_request',
          message: 'version: cannot be given with draft: true (the draft has no version)',
          details: [{ path: 'version', message: 'cannot be given with draft: true (the draft has no version)' }],
        },
      },
    });
  });
});
