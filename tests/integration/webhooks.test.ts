import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { createApiKey } from '@/lib/auth/api-keys';
import { db } from '@/lib/db/client';
import type { WorkflowDefinitionInput } from '@/lib/definition/schema';
import { pruneExpired } from '@/lib/retention/prune';
import { open } from '@/lib/vault/envelope';
import { vaultKeyRing } from '@/lib/vault/vault-key-ring';
import { rotateWebhookSecretKeys } from '@/lib/webhooks/rotate-secrets';
import { sealedWebhookSecretOf } from '@/lib/webhooks/sealed-secret';
import { signWebhook } from '@/lib/webhooks/signature';
import { api, apiFetch, ownerOrg } from '../support/api';
import { getRun, publishWorkflow, waitForRun } from '../support/engine';

interface Answer {
  status: number;
  headers: Headers;
  json: unknown;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
}

/** A call to a webhook as an outside service makes it: no session, no API key. */
const hook = async (path: string, init: RequestInit = {}) => answer(await fetch(api(path), init));

const manage = async (workflowId: string, body: unknown = {}) =>
  answer(
    await apiFetch(`/api/workflows/${workflowId}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );

interface Created {
  workflowId: string;
  path: string;
  secret?: string;
}

/** Publishes a workflow whose trigger `hook` has `config`, then creates its webhook. */
async function createHook(
  config: Record<string, unknown>,
  rest: Pick<WorkflowDefinitionInput, 'nodes' | 'edges'> = {
    nodes: [{ id: 'out', type: 'flow.output', config: { value: '{{ input }}' } }],
    edges: [{ source: 'hook', target: 'out' }],
  },
): Promise<Created> {
  const workflowId = await publishWorkflow(`webhook ${randomUUID()}`, {
    nodes: [{ id: 'hook', type: 'trigger.webhook', config }, ...rest.nodes],
    edges: rest.edges,
  });
  const created = await manage(workflowId);
  expect(created.status).toBe(200);
  const body = created.json as { path: string; secret?: string };
  return { workflowId, path: body.path, secret: body.secret };
}

const json = (value: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(value),
});

const error = (code: string, message: string | RegExp, details?: unknown) => ({
  error: {
    code,
    message: typeof message === 'string' ? message : expect.stringMatching(message),
    ...(details ? { details } : {}),
  },
});

describe('webhook management', () => {
  it('gives a published webhook trigger its URL, makes its secret once, shows it to readers, and refuses a workflow without one', async () => {
    const workflowId = await publishWorkflow(`webhook ${randomUUID()}`, {
      nodes: [{ id: 'hook', type: 'trigger.webhook', config: { auth: 'bearer' } }],
      edges: [],
    });
    const { webUrl } = inject('platform');
    const shown = {
      id: expect.any(String),
      workflowId,
      slug: expect.stringMatching(/^[\w-]{32}$/),
      path: expect.stringMatching(/^\/api\/hooks\/[\w-]{32}$/),
      url: expect.stringMatching(new RegExp(`^${webUrl.replace(/[.]/g, '\\.')}/api/hooks/[\\w-]{32}$`)),
      enabled: true,
      secretKind: null,
      trigger: { version: 1, nodeId: 'hook', methods: ['POST'], auth: 'bearer', response: 'accepted' },
      lastTriggeredAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    };
    // Publishing gave it its URL, with no secret yet: every call is refused until one is made.
    const published = await answer(await apiFetch(`/api/workflows/${workflowId}/webhook`));
    expect(published).toMatchObject({ status: 200, json: shown });
    const { path } = published.json as { path: string };
    expect(await hook(path, json({}, { authorization: 'Bearer anything' }))).toMatchObject({
      status: 401,
      json: error(
        'invalid_webhook_secret',
        'This webhook has no bearer secret yet: its workflow editors must rotate its secret',
      ),
    });

    const created = await manage(workflowId);
    expect(created).toMatchObject({
      status: 200,
      json: { ...shown, path, secretKind: 'bearer', secret: expect.stringMatching(/^whtok_[\w-]{43}$/) },
    });
    // Made once: asking again without rotateSecret makes none.
    expect((await manage(workflowId)).json).not.toHaveProperty('secret');
    const { secret, ...withoutSecret } = created.json as Record<string, unknown>;

    const key = await createApiKey(ownerOrg(), { name: `webhook viewer ${randomUUID()}`, role: 'VIEWER' });
    const asViewer = (init: RequestInit = {}) => ({
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${key.key}`, 'content-type': 'application/json' },
    });
    const read = await answer(await fetch(api(`/api/workflows/${workflowId}/webhook`), asViewer()));
    expect(read).toMatchObject({ status: 200, json: { ...withoutSecret, updatedAt: expect.any(String) } });
    expect(read.json).not.toHaveProperty('secret');
    expect(secret).toEqual(expect.any(String));
    const viewerChange = await answer(
      await fetch(api(`/api/workflows/${workflowId}/webhook`), asViewer({ method: 'POST', body: '{"enabled":false}' })),
    );
    expect(viewerChange).toMatchObject({
      status: 403,
      json: error('forbidden', 'Your role (VIEWER) may not workflow edit'),
    });
    const calls = await answer(await fetch(api(`/api/workflows/${workflowId}/webhook/calls`), asViewer()));
    expect(calls).toMatchObject({
      status: 200,
      json: {
        calls: [
          {
            id: expect.any(String),
            method: 'POST',
            status: 401,
            errorCode: 'invalid_webhook_secret',
            runId: null,
            sizeBytes: 2,
            durationMs: expect.any(Number),
            createdAt: expect.any(String),
          },
        ],
      },
    });

    const manual = await publishWorkflow(`manual ${randomUUID()}`, {
      nodes: [{ id: 'start', type: 'trigger.manual' }],
      edges: [],
    });
    expect(await answer(await apiFetch(`/api/workflows/${manual}/webhook`))).toMatchObject({
      status: 404,
      json: error(
        'not_found',
        'This workflow has no webhook yet: publish a version with a webhook trigger (trigger.webhook)',
      ),
    });
    const refused = await manage(manual);
    expect(refused).toMatchObject({
      status: 409,
      json: error(
        'no_webhook_trigger',
        /has no published version with a webhook trigger \(trigger\.webhook\): publish one first$/,
      ),
    });
    const noSuchNode = await publishWorkflow(`webhook ${randomUUID()}`, {
      nodes: [{ id: 'hook', type: 'trigger.webhook', config: { response: 'node', responseNodeId: 'reply' } }],
      edges: [],
    });
    const message = 'no node "reply" in the definition';
    expect(await manage(noSuchNode)).toMatchObject({
      status: 422,
      json: error(
        'invalid_definition',
        `Webhook trigger "hook", config.responseNodeId: ${message} (version 1); publish a fixed version`,
        [{ nodeId: 'hook', path: 'config.responseNodeId', message }],
      ),
    });
    const unknownField = await manage(workflowId, { enable: true });
    expect(unknownField).toMatchObject({ status: 400, json: { error: { code: 'invalid_request' } } });
  });

  it('answers 404 to an unknown slug, 410 once disabled, and runs again once enabled', async () => {
    expect(await hook('/api/hooks/no-such-hook', json({}))).toMatchObject({
      status: 404,
      json: error('not_found', 'No webhook has this URL'),
    });
    const { workflowId, path } = await createHook({});
    expect((await manage(workflowId, { enabled: false })).json).toMatchObject({ enabled: false });
    expect(await hook(path, json({}))).toMatchObject({
      status: 410,
      json: error('webhook_disabled', 'This webhook is disabled'),
    });
    expect((await manage(workflowId, { enabled: true })).json).toMatchObject({ enabled: true });
    expect(await hook(path, json({}))).toMatchObject({ status: 202, json: { runId: expect.any(String) } });
  });
});

describe('webhook calls', () => {
  it('starts the published version with the request as data, trigger WEBHOOK, and answers 202 { runId }', async () => {
    const { path } = await createHook({});
    const sent = await hook(
      `${path}?tag=a&tag=b&one=1`,
      json({ order: 7, note: '{{ 1 + 1 }}' }, { 'x-source': 'shop' }),
    );
    expect(sent).toEqual({ status: 202, headers: expect.anything(), json: { runId: expect.any(String) } });
    const runId = (sent.json as { runId: string }).runId;
    const run = await waitForRun(runId);
    expect(run.status).toBe('SUCCEEDED');
    expect(run.trigger).toBe('WEBHOOK');
    expect(run.output).toEqual({
      method: 'POST',
      headers: expect.objectContaining({ 'content-type': 'application/json', 'x-source': 'shop' }),
      query: { tag: ['a', 'b'], one: '1' },
      contentType: 'application/json',
      bodyEncoding: 'json',
      // Never evaluated: the request is data.
      body: { order: 7, note: '{{ 1 + 1 }}' },
    });
  });

  it('takes JSON, form, text, binary and empty bodies as data', async () => {
    const { path } = await createHook({ methods: ['GET', 'POST', 'PUT'], response: 'output' });
    const bodyOf = async (init: RequestInit) => {
      const sent = await hook(path, init);
      expect(sent.status).toBe(200);
      const { contentType, bodyEncoding, body, method } = sent.json as Record<string, unknown>;
      return { method, contentType, bodyEncoding, body };
    };
    expect(await bodyOf(json([1, 'two', null]))).toEqual({
      method: 'POST',
      contentType: 'application/json',
      bodyEncoding: 'json',
      body: [1, 'two', null],
    });
    expect(
      await bodyOf({
        method: 'PUT',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'name=Ada&tag=x&tag=y',
      }),
    ).toEqual({
      method: 'PUT',
      contentType: 'application/x-www-form-urlencoded',
      bodyEncoding: 'form',
      body: { name: 'Ada', tag: ['x', 'y'] },
    });
    expect(
      await bodyOf({ method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'héllo {{ x }}' }),
    ).toEqual({
      method: 'POST',
      contentType: 'text/plain; charset=utf-8',
      bodyEncoding: 'text',
      body: 'héllo {{ x }}',
    });
    const bytes = new Uint8Array([0, 1, 2, 253, 254, 255]);
    expect(
      await bodyOf({ method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bytes }),
    ).toEqual({
      method: 'POST',
      contentType: 'application/octet-stream',
      bodyEncoding: 'base64',
      body: 'AAEC/f7/',
    });
    expect(await bodyOf({ method: 'GET' })).toEqual({
      method: 'GET',
      contentType: null,
      bodyEncoding: 'none',
      body: null,
    });
    expect(
      await hook(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' }),
    ).toMatchObject({
      status: 400,
      json: error('invalid_json', /^The request body is not valid JSON: /),
    });
  });

  it('refuses a body over the limit with 413, and a method the trigger does not accept with 405', async () => {
    const { path } = await createHook({ maxBodyBytes: 100 });
    expect(
      await hook(path, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(100) }),
    ).toMatchObject({
      status: 202,
    });
    const tooLarge = await hook(path, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x'.repeat(101),
    });
    expect(tooLarge).toMatchObject({
      status: 413,
      json: error(
        'payload_too_large',
        "The request body is larger than this webhook's limit of 100 bytes (maxBodyBytes)",
        {
          limitBytes: 100,
        },
      ),
    });
    // A chunked body declares no length: it is counted as it arrives.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('y'.repeat(60)));
        controller.enqueue(new TextEncoder().encode('y'.repeat(60)));
        controller.close();
      },
    });
    const chunked = await hook(path, { method: 'POST', body: chunks, duplex: 'half' } as RequestInit);
    expect(chunked).toMatchObject({ status: 413, json: { error: { code: 'payload_too_large' } } });

    const wrongMethod = await hook(path, { method: 'GET' });
    expect(wrongMethod).toMatchObject({
      status: 405,
      json: error('method_not_allowed', 'This webhook accepts POST, not GET', { allowed: ['POST'] }),
    });
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('with bearer auth, runs only for "Authorization: Bearer <secret>", and a rotated secret replaces the old one', async () => {
    const { workflowId, path, secret } = await createHook({ auth: 'bearer' });
    const missing = await hook(path, json({}));
    expect(missing).toMatchObject({
      status: 401,
      json: error('invalid_webhook_secret', 'Send the webhook secret as "Authorization: Bearer <secret>"'),
    });
    const wrongSecret = error(
      'invalid_webhook_secret',
      'The Authorization header does not hold this webhook\'s secret as "Bearer <secret>"',
    );
    expect(await hook(path, json({}, { authorization: `Bearer ${secret}x` }))).toMatchObject({
      status: 401,
      json: wrongSecret,
    });
    expect(await hook(path, json({}, { authorization: `Basic ${secret}` }))).toMatchObject({
      status: 401,
      json: wrongSecret,
    });
    const accepted = await hook(path, json({ ok: 1 }, { authorization: `Bearer ${secret}` }));
    expect(accepted).toMatchObject({ status: 202, json: { runId: expect.any(String) } });
    const run = await waitForRun((accepted.json as { runId: string }).runId);
    // The secret never reaches the run.
    expect(run.output.headers).not.toHaveProperty('authorization');
    expect(JSON.stringify(run)).not.toContain(secret);

    const rotated = await manage(workflowId, { rotateSecret: true });
    const newSecret = (rotated.json as { secret: string }).secret;
    expect(newSecret).toMatch(/^whtok_[\w-]{43}$/);
    expect(newSecret).not.toBe(secret);
    expect(await hook(path, json({}, { authorization: `Bearer ${secret}` }))).toMatchObject({
      status: 401,
      json: wrongSecret,
    });
    expect(await hook(path, json({}, { authorization: `Bearer ${newSecret}` }))).toMatchObject({ status: 202 });
  });

  it('with HMAC auth, runs only for a fresh signature of the exact body, once', async () => {
    const { path, secret } = await createHook({ auth: 'hmac', toleranceSeconds: 300 });
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    const body = JSON.stringify({ invoice: 42 });
    const signed = (
      timestamp: string,
      signature = signWebhook(secret!, timestamp, new TextEncoder().encode(body)),
    ) => ({
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-webhook-timestamp': timestamp,
        'x-webhook-signature': signature,
      },
      body,
    });
    const now = Math.floor(Date.now() / 1000);

    const accepted = await hook(path, signed(String(now)));
    expect(accepted).toMatchObject({ status: 202, json: { runId: expect.any(String) } });
    expect(await hook(path, signed(String(now)))).toMatchObject({
      status: 401,
      json: error('invalid_signature', 'This signed call was already received: sign each call with its own timestamp'),
    });
    expect(await hook(path, signed(String(now + 1), 'sha256=' + '0'.repeat(64)))).toMatchObject({
      status: 401,
      json: error(
        'invalid_signature',
        'The x-webhook-signature header is not the HMAC-SHA256 of "<timestamp>.<raw body>" under this webhook\'s secret',
      ),
    });
    const otherBody = { ...signed(String(now + 2)), body: JSON.stringify({ invoice: 43 }) };
    expect(await hook(path, otherBody)).toMatchObject({ status: 401, json: { error: { code: 'invalid_signature' } } });
    const stale = await hook(path, signed(String(now - 3600)));
    expect(stale).toMatchObject({
      status: 401,
      json: error(
        'invalid_signature',
        /^The x-webhook-timestamp header is 36\d\d s in the past, outside this webhook's tolerance of 300 s: sign each call when it is sent$/,
        { toleranceSeconds: 300, skewSeconds: expect.any(Number) },
      ),
    });
    expect(await hook(path, json({ invoice: 42 }))).toMatchObject({
      status: 401,
      json: error('invalid_signature', 'Sign the call: the x-webhook-timestamp header (Unix seconds) is missing'),
    });
    const unsigned = { ...signed(String(now + 3)), headers: { 'x-webhook-timestamp': String(now + 3) } };
    expect(await hook(path, unsigned)).toMatchObject({
      status: 401,
      json: error('invalid_signature', 'Sign the call: the x-webhook-signature header ("sha256=<hex>") is missing'),
    });
  });

  it('in "node" mode answers with the chosen node\'s { status, headers, body }, keeping cookies out', async () => {
    const { path } = await createHook(
      { response: 'node', responseNodeId: 'reply' },
      {
        nodes: [
          {
            id: 'reply',
            type: 'data.transform',
            config: {
              expression:
                '{ "status": 201, "headers": { "x-order": $string(input.body.order), "set-cookie": "a=b" }, "body": { "accepted": input.body.order } }',
            },
          },
          { id: 'out', type: 'flow.output', config: { value: 'not the answer' } },
        ],
        edges: [
          { source: 'hook', target: 'reply' },
          { source: 'reply', target: 'out' },
        ],
      },
    );
    const answered = await hook(path, json({ order: 9 }));
    expect(answered.status).toBe(201);
    expect(answered.json).toEqual({ accepted: 9 });
    expect(answered.headers.get('x-order')).toBe('9');
    expect(answered.headers.get('content-type')).toBe('application/json');
    expect(answered.headers.get('set-cookie')).toBeNull();
  });

  it('in "output" mode answers 200 JSON of an unshaped output, 500 when the run fails, and 202 when it outlasts the wait', async () => {
    const plain = await createHook(
      { response: 'output' },
      {
        nodes: [{ id: 'out', type: 'flow.output', config: { value: { got: '{{ input.body.n }}' } } }],
        edges: [{ source: 'hook', target: 'out' }],
      },
    );
    expect(await hook(plain.path, json({ n: 3 }))).toMatchObject({ status: 200, json: { got: 3 } });

    const failing = await createHook(
      { response: 'output' },
      {
        nodes: [{ id: 'stop', type: 'flow.stopAndError', config: { message: 'no' } }],
        edges: [{ source: 'hook', target: 'stop' }],
      },
    );
    const failed = await hook(failing.path, json({}));
    expect(failed).toMatchObject({
      status: 500,
      json: error('run_failed', /^The run failed: see run \S+$/, { runId: expect.any(String), status: 'FAILED' }),
    });

    const slow = await createHook(
      { response: 'output', waitSeconds: 1 },
      {
        nodes: [
          { id: 'wait', type: 'flow.delay', config: { mode: 'duration', durationMs: 60_000 } },
          { id: 'out', type: 'flow.output', config: { value: 'late' } },
        ],
        edges: [
          { source: 'hook', target: 'wait' },
          { source: 'wait', target: 'out' },
        ],
      },
    );
    const outlasted = await hook(slow.path, json({}));
    expect(outlasted).toMatchObject({ status: 202, json: { runId: expect.any(String) } });
    // Still waiting on its delay: the answer did not wait for it.
    const runId = (outlasted.json as { runId: string }).runId;
    await expect.poll(async () => (await getRun(runId)).nodes.wait?.status, { timeout: 20_000 }).toBe('WAITING');
    expect((await apiFetch(`/api/runs/${runId}/cancel`, { method: 'POST' })).status).toBe(202);
    expect((await waitForRun(runId)).status).toBe('CANCELLED');
  });

  it('refuses calls past the rate limit with 429 and Retry-After, and records every call', async () => {
    const { workflowId, path } = await createHook({ rateLimitPerMinute: 2 });
    const first = await hook(path, json({}));
    // A refused method is answered before the limit counts the call.
    const wrongMethod = await hook(path, { method: 'GET' });
    const second = await hook(path, json({ a: 1 }));
    const third = await hook(path, json({}));
    expect(first.status).toBe(202);
    expect(wrongMethod.status).toBe(405);
    expect(second.status).toBe(202);
    const retryAfter = Number(third.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(third).toMatchObject({
      status: 429,
      json: error(
        'rate_limited',
        `Too many calls to this webhook: at most 2 per minute (rateLimitPerMinute); retry in ${retryAfter} s`,
        { limit: 2, retryAfterSeconds: retryAfter },
      ),
    });

    const calls = await answer(await apiFetch(`/api/workflows/${workflowId}/webhook/calls`));
    const call = (
      method: string,
      status: number,
      errorCode: string | null,
      runId: string | null,
      sizeBytes: number,
    ) => ({
      id: expect.any(String),
      method,
      status,
      errorCode,
      runId,
      sizeBytes,
      durationMs: expect.any(Number),
      createdAt: expect.any(String),
    });
    const runIdOf = (sent: Answer) => (sent.json as { runId: string }).runId;
    expect(calls.json).toEqual({
      calls: [
        call('POST', 429, 'rate_limited', null, 0),
        call('POST', 202, null, runIdOf(second), 7),
        call('GET', 405, 'method_not_allowed', null, 0),
        call('POST', 202, null, runIdOf(first), 2),
      ],
    });
    const shown = await answer(await apiFetch(`/api/workflows/${workflowId}/webhook`));
    expect(shown.json).toMatchObject({ lastTriggeredAt: expect.any(String) });
  });

  it('keeps an HMAC secret sealed by the vault, re-wrapped by key rotation, and stores a bearer secret only as its hash', async () => {
    const signedHook = await createHook({ auth: 'hmac' });
    const bearerHook = await createHook({ auth: 'bearer' });
    const bearerRow = await db().webhookEndpoint.findUniqueOrThrow({ where: { workflowId: bearerHook.workflowId } });
    expect(bearerRow).toMatchObject({
      secretKind: 'bearer',
      secretCiphertext: null,
      secretHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(JSON.stringify(bearerRow)).not.toContain(bearerHook.secret);

    const original = process.env.VAULT_MASTER_KEYS!;
    const newKey = `9:${randomBytes(32).toString('base64')}`;
    const where = { workflowId: signedHook.workflowId };
    try {
      process.env.VAULT_MASTER_KEYS = `${original},${newKey}`;
      expect(await rotateWebhookSecretKeys({ batchSize: 1 })).toBeGreaterThanOrEqual(1);
      const row = await db().webhookEndpoint.findUniqueOrThrow({ where });
      expect(row).toMatchObject({ secretKind: 'hmac', secretHash: null, secretKeyVersion: 9 });
      // The old key can go: the secret opens with the new one alone.
      process.env.VAULT_MASTER_KEYS = newKey;
      expect(await open(vaultKeyRing(), row.id, sealedWebhookSecretOf(row))).toBe(signedHook.secret);
      // Back under the key the running platform knows.
      const platformVersion = Math.max(...original.split(',').map((entry) => Number(entry.split(':')[0])));
      Object.assign(process.env, {
        VAULT_MASTER_KEYS: `${original},${newKey}`,
        VAULT_CURRENT_KEY_VERSION: String(platformVersion),
      });
      await rotateWebhookSecretKeys();
      expect(
        await db().webhookEndpoint.count({ where: { secretKind: 'hmac', secretKeyVersion: { not: platformVersion } } }),
      ).toBe(0);
    } finally {
      process.env.VAULT_MASTER_KEYS = original;
      delete process.env.VAULT_CURRENT_KEY_VERSION;
    }
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = signWebhook(signedHook.secret!, timestamp, new TextEncoder().encode('{}'));
    const call = await hook(
      signedHook.path,
      json({}, { 'x-webhook-timestamp': timestamp, 'x-webhook-signature': signature }),
    );
    expect(call).toMatchObject({ status: 202 });
  });

  it("prunes call records with the org's log lines", async () => {
    const { workflowId, path } = await createHook({});
    expect((await hook(path, json({}))).status).toBe(202);
    const endpoint = await db().webhookEndpoint.findUniqueOrThrow({ where: { workflowId } });
    const old = await db().webhookCall.create({
      data: {
        orgId: endpoint.orgId,
        endpointId: endpoint.id,
        method: 'POST',
        status: 202,
        createdAt: new Date(Date.now() - 400 * 86_400_000),
      },
    });
    await pruneExpired();
    const left = await db().webhookCall.findMany({
      where: { endpointId: endpoint.id },
      select: { id: true, status: true },
    });
    expect(left).toEqual([{ id: expect.any(String), status: 202 }]);
    expect(left[0].id).not.toBe(old.id);
  });
});
