import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, MAX_JSON_DEPTH } from '@/lib/api/request-limits';
import { api, apiFetch } from '../support/api';
import { concretePath, discoverApiRoutes } from '../support/api-routes';
import { testWorkflowTracker } from '../support/workflow-api';

const json = { 'content-type': 'application/json' };

async function answer(response: Response) {
  return { status: response.status, json: await response.json() };
}

const post = (path: string, body: BodyInit, headers: Record<string, string> = json) =>
  apiFetch(path, { method: 'POST', headers, body, duplex: 'half' } as RequestInit).then(answer);

/** A body streamed in 64 KB chunks, so no Content-Length is sent. */
function streamed(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.byteLength;
    },
  });
}

describe('request body size', () => {
  const tooLarge = {
    status: 413,
    json: {
      error: {
        code: 'payload_too_large',
        message: `The request body is larger than ${MAX_BODY_BYTES} bytes; send less, or split the work into several requests`,
        details: { limitBytes: MAX_BODY_BYTES },
      },
    },
  };

  it('refuses a body that declares more than the limit, even past the 10 MB Next would cut it at', async () => {
    const description = 'x'.repeat(MAX_BODY_BYTES);
    expect(await post('/api/workflows', JSON.stringify({ name: 'big', description }))).toEqual(tooLarge);
    const huge = 'x'.repeat(11 * 1024 * 1024);
    expect(await post('/api/workflows', JSON.stringify({ name: 'huge', description: huge }))).toEqual(tooLarge);
  });

  it('refuses a chunked body without Content-Length once it passes the limit', async () => {
    for (const bytes of [2 * 1024 * 1024, 11 * 1024 * 1024]) {
      expect(await post('/api/workflows', streamed(bytes))).toEqual(tooLarge);
    }
  });
});

describe('JSON bodies', () => {
  const workflows = testWorkflowTracker();

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels with 400, naming the limit`, async () => {
    let config: unknown = { value: 1 };
    for (let level = 0; level < 200; level++) config = { nested: config };
    const definition = { nodes: [{ id: 'start', type: 'trigger.manual', config }], edges: [] };
    const text = JSON.stringify({ definition });
    // Four levels enclose the config (body, definition, nodes, node): the first level too deep
    // opens the (limit - 4 + 1)th `{"nested":`.
    const wrapper = '{"nested":';
    const position = text.indexOf(wrapper) + wrapper.length * (MAX_JSON_DEPTH - 4);
    const { id } = await workflows.createWorkflow();
    expect(await post(`/api/workflows/${id}/versions`, text)).toEqual({
      status: 400,
      json: {
        error: {
          code: 'json_too_deep',
          message: `The request body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep (at position ${position})`,
          details: { limitDepth: MAX_JSON_DEPTH },
        },
      },
    });
  });

  // Every route that reads a body, with every kind of body it must refuse before doing anything.
  const bodyRoutes = discoverApiRoutes().filter((route) => route.readsBody);
  const notObject = (kind: string) => {
    const message = `The request body must be a JSON object, not ${kind}`;
    return { message, details: [{ path: '', message }] };
  };
  const refused: [string, string, object][] = [
    ['nul', 'invalid_json', { message: expect.stringMatching(/^The request body is not valid JSON: /) }],
    ['{"name":', 'invalid_json', { message: expect.stringMatching(/^The request body is not valid JSON: /) }],
    ['null', 'invalid_request', notObject('null')],
    ['"x"', 'invalid_request', notObject('a string')],
    ['[]', 'invalid_request', notObject('an array')],
    ['5', 'invalid_request', notObject('a number')],
    [
      '{"name":"a\\u0000b"}',
      'invalid_request',
      { message: 'The request body contains \\u0000 at position 10: text cannot hold a NUL character' },
    ],
  ];

  it('finds every POST and PATCH route, and each reads its body through readJson or takes none', () => {
    const changing = discoverApiRoutes().filter((route) => ['POST', 'PUT', 'PATCH'].includes(route.method));
    expect(bodyRoutes.map((route) => `${route.method} ${route.path}`)).toContain('POST /api/workflows');
    expect(changing.filter((route) => !route.readsBody).map((route) => `${route.method} ${route.path}`)).toEqual([
      'POST /api/auth/[...nextauth]',
      // Starting an OAuth2 connection needs nothing but the credential in the path.
      'POST /api/credentials/[id]/oauth2/authorize',
      // Uploads are the raw file, within the file store's own limit (lib/files/files.ts).
      'POST /api/files',
      // Webhooks take any body as data, within their trigger's own limit (lib/webhooks/read-request.ts).
      'POST /api/hooks/[slug]',
      'PUT /api/hooks/[slug]',
      'POST /api/hooks/test/[slug]',
      'PUT /api/hooks/test/[slug]',
      'POST /api/runs/[id]/cancel',
      // A schedule's actions are named by the path alone.
      'POST /api/workflows/[id]/schedule/pause',
      'POST /api/workflows/[id]/schedule/resume',
      'POST /api/workflows/[id]/schedule/trigger',
      // Listening for a webhook test call is asked by the path alone.
      'POST /api/workflows/[id]/webhook/test',
    ]);
  });

  for (const route of bodyRoutes) {
    it(`${route.method} ${route.path} answers 400 to malformed and non-object JSON`, async () => {
      for (const [body, code, rest] of refused) {
        const response = await apiFetch(concretePath(route.path), { method: route.method, headers: json, body });
        expect(await answer(response), body).toEqual({ status: 400, json: { error: { code, ...rest } } });
      }
    });
  }
});

describe('Authorization header', () => {
  let key = '';

  beforeAll(async () => {
    const created = await post('/api/api-keys', JSON.stringify({ name: 'strict parsing', role: 'VIEWER' }));
    key = created.json.key;
  });

  it('accepts exactly "Bearer <key>" and refuses anything after the key', async () => {
    const asKey = (authorization: string) => fetch(api('/api/workflows'), { headers: { authorization } });
    expect((await asKey(`Bearer ${key}`)).status).toBe(200);
    const invalid = {
      status: 401,
      json: { error: { code: 'invalid_authorization', message: 'Authorization must be "Bearer <API key>"' } },
    };
    for (const header of [`Bearer ${key} trailing-garbage`, `Bearer ${key},other`, `Basic ${key}`, 'Bearer']) {
      expect(await answer(await asKey(header)), header).toEqual(invalid);
    }
  });
});
