import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { db } from '@/lib/db/client';
import { decryptCredential, storeCredential } from '@/lib/vault/credentials';
import { refreshOAuth2Credential } from '@/lib/vault/oauth2-refresh';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import { TestServer } from '../support/test-server';
import { TcpForwarder } from '../support/tcp-forwarder';
import { apiFetch, ownerOrg } from '../support/api';

const server = new TestServer();
let base = '';
beforeAll(async () => {
  base = await server.start();
});
afterAll(() => server.stop());

const testConnection = async (credentialId: string, body: unknown = {}) => {
  const response = await apiFetch(`/api/credentials/${credentialId}/test`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
};

/** An OAuth2 credential for the local token endpoint, as client-1. */
const storeOAuth2 = (name: string, clientSecret: string, refreshToken?: string) =>
  storeCredential(ownerOrg(), {
    name: `${name} ${randomUUID().slice(0, 6)}`,
    type: 'oauth2',
    value: { tokenUrl: `${base}/token`, clientId: 'client-1', clientSecret, refreshToken },
  });

/** A token endpoint that rotates refresh tokens, and an API that accepts only its latest access token. */
function oauthProvider(clientSecret: string) {
  const issued = { refreshToken: `refresh-${randomUUID()}`, accessToken: '' };
  const initialRefreshToken = issued.refreshToken;
  server.on('/token', (request) => {
    const form = new URLSearchParams(request.body);
    const client = Buffer.from(String(request.headers.authorization).replace(/^Basic /, ''), 'base64').toString();
    if (client !== `client-1:${clientSecret}`) return { status: 401, json: { error: 'invalid_client' } };
    if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== issued.refreshToken) {
      return { status: 400, json: { error: 'invalid_grant', error_description: 'refresh token revoked' } };
    }
    issued.accessToken = `access-${randomUUID()}`;
    issued.refreshToken = `refresh-${randomUUID()}`;
    return {
      json: {
        access_token: issued.accessToken,
        token_type: 'Bearer',
        expires_in: 3600,
        refresh_token: issued.refreshToken,
      },
    };
  });
  server.on('/me', (request) =>
    request.headers.authorization === `Bearer ${issued.accessToken}`
      ? { json: { me: 'ok' } }
      : { status: 401, json: {} },
  );
  return { issued, initialRefreshToken };
}

describe('OAuth2 credentials', () => {
  it('trades the refresh token for an access token once, keeps the rotated refresh token, and hides all of them', async () => {
    const clientSecret = `secret-${randomUUID()}`;
    const { issued, initialRefreshToken } = oauthProvider(clientSecret);
    const credentialId = await storeOAuth2('oauth', clientSecret, initialRefreshToken);
    const call = (id: string) => ({
      id,
      type: 'http.request',
      config: { url: `${base}/me`, auth: { type: 'credential', credentialId } },
    });
    const workflowId = await publishWorkflow('oauth2', {
      nodes: [{ id: 'start', type: 'trigger.manual' }, call('first'), call('second')],
      edges: [
        { source: 'start', target: 'first' },
        { source: 'first', target: 'second' },
      ],
    });
    const tokenRequestsBefore = server.requests('/token').length;
    const run = await waitForRun(await startRun(workflowId));
    expect(run.status).toBe('SUCCEEDED');
    // /me answers 401 to anything but the issued token, so both calls carried it.
    expect(run.nodes.second.status).toBe('SUCCEEDED');
    expect(server.requests('/token').length - tokenRequestsBefore).toBe(1);

    const stored = await decryptCredential(ownerOrg().orgId, credentialId);
    expect(stored).toMatchObject({ type: 'oauth2', refreshToken: issued.refreshToken });
    expect(issued.refreshToken).not.toBe(initialRefreshToken);

    const records = JSON.stringify([
      await db().runStep.findMany({ where: { runId: run.id } }),
      await db().run.findUnique({ where: { id: run.id } }),
      await (await apiFetch(`/api/runs/${run.id}`)).json(),
      await (await apiFetch(`/api/credentials/${credentialId}`)).json(),
    ]);
    for (const secret of [clientSecret, initialRefreshToken, issued.refreshToken, issued.accessToken]) {
      expect(records).not.toContain(secret);
    }
  });

  it('fails the node without retrying when the token endpoint refuses, naming the reason but not the secret', async () => {
    const clientSecret = `secret-${randomUUID()}`;
    oauthProvider(clientSecret);
    const credentialId = await storeOAuth2('revoked', clientSecret, 'revoked-long-ago');
    const workflowId = await publishWorkflow('oauth2 revoked', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'call', type: 'http.request', config: { url: `${base}/me`, auth: { type: 'credential', credentialId } } },
      ],
      edges: [{ source: 'start', target: 'call' }],
    });
    const run = await waitForRun(await startRun(workflowId));
    expect(run.status).toBe('FAILED');
    expect(run.error).toMatchObject({ nodeId: 'call', type: 'OAuth2Refused' });
    expect(run.error.message).toContain('invalid_grant');
    expect(JSON.stringify(run)).not.toContain(clientSecret);
  });
});

describe('OAuth2 token refused before it expires', () => {
  it('refreshes an access token the API answers 401 to, and sends the request once more, only once', async () => {
    const clientSecret = `secret-${randomUUID()}`;
    const { issued, initialRefreshToken } = oauthProvider(clientSecret);
    const credentialId = await storeOAuth2('refused token', clientSecret, initialRefreshToken);
    const workflowId = await publishWorkflow('oauth2 401', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        {
          id: 'call',
          type: 'http.request',
          config: { url: `${base}/me`, auth: { type: 'credential', credentialId } },
          settings: { retry: { maxAttempts: 1 } },
        },
      ],
      edges: [{ source: 'start', target: 'call' }],
    });
    expect((await waitForRun(await startRun(workflowId))).status).toBe('SUCCEEDED');

    // The provider revokes the token the worker holds, an hour before it would expire.
    issued.accessToken = `revoked-${randomUUID()}`;
    const tokenRequests = server.requests('/token').length;
    const apiRequests = server.requests('/me').length;
    const refreshed = await waitForRun(await startRun(workflowId));
    expect(refreshed.status).toBe('SUCCEEDED');
    expect(server.requests('/token').length - tokenRequests).toBe(1);
    expect(server.requests('/me').length - apiRequests).toBe(2);

    // An API that refuses even a fresh token fails the node as a 401, after one refresh.
    server.on('/me', () => ({ status: 401, json: { error: 'no access' } }));
    const refused = await waitForRun(await startRun(workflowId));
    expect(refused.status).toBe('FAILED');
    expect(refused.error).toMatchObject({ nodeId: 'call', type: 'HttpError401' });
    expect(server.requests('/token').length - tokenRequests).toBe(2);
    expect(server.requests('/me').length - apiRequests).toBe(4);
  });
});

describe('OAuth2 refresh across processes', () => {
  it('never presents a rotated-away refresh token, however many refreshes race', async () => {
    const clientSecret = `secret-${randomUUID()}`;
    const { issued, initialRefreshToken } = oauthProvider(clientSecret);
    const credentialId = await storeOAuth2('racing', clientSecret, initialRefreshToken);
    // As the worker and the web server would, each on its own: the provider refuses a reused token.
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => refreshOAuth2Credential(ownerOrg().orgId, credentialId)),
    );
    expect(results.map((result) => result.status)).toEqual(Array(4).fill('fulfilled'));
    expect(await decryptCredential(ownerOrg().orgId, credentialId)).toMatchObject({
      refreshToken: issued.refreshToken,
    });
  });
});

describe('test connection', () => {
  it('gets a token for OAuth2, and reports a refusal as a failed test', async () => {
    const clientSecret = `secret-${randomUUID()}`;
    const { initialRefreshToken } = oauthProvider(clientSecret);
    const good = await storeOAuth2('oauth test', clientSecret, initialRefreshToken);
    expect(await testConnection(good)).toMatchObject({ status: 200, body: { ok: true } });
    const bad = await storeOAuth2('oauth bad', 'wrong-secret-value');
    const refused = await testConnection(bad);
    expect(refused.body.ok).toBe(false);
    expect(refused.body.message).toContain('invalid_client');

    // A provider that quotes the secret back in its error still does not show it.
    const echoedSecret = `echoed-${randomUUID()}`;
    server.on('/echoing-token', () => ({
      status: 401,
      json: { error: 'invalid_client', error_description: `unknown secret ${echoedSecret}` },
    }));
    const echoing = await storeCredential(ownerOrg(), {
      name: `oauth echo ${randomUUID().slice(0, 6)}`,
      type: 'oauth2',
      value: { tokenUrl: `${base}/echoing-token`, clientId: 'client-1', clientSecret: echoedSecret },
    });
    const masked = await testConnection(echoing);
    expect(masked.body.message).toContain('unknown secret [redacted]');
    expect(masked.body.message).not.toContain(echoedSecret);
  });

  it('connects to Postgres, and masks the password when the server refuses it', async () => {
    const url = new URL(inject('platform').databaseUrl);
    // The platform's own Postgres, reached as an outside server would be (127.0.0.1 is blocked).
    const forwarder = new TcpForwarder({ host: url.hostname, port: Number(url.port) });
    onTestFinished(() => forwarder.stop());
    const { host, port } = await forwarder.start();
    const connection = {
      host,
      port: String(port),
      database: url.pathname.slice(1),
      user: decodeURIComponent(url.username),
    };
    const good = await storeCredential(ownerOrg(), {
      name: `pg ${randomUUID().slice(0, 6)}`,
      type: 'postgres',
      value: { ...connection, password: decodeURIComponent(url.password) },
    });
    const ok = await testConnection(good);
    expect(ok.body).toMatchObject({ ok: true });
    expect(ok.body.message).toMatch(/^Connected: PostgreSQL \d+/);

    const wrongPassword = `wrong-${randomUUID()}`;
    const stranger = `nobody-${randomUUID().slice(0, 8)}`;
    const bad = await storeCredential(ownerOrg(), {
      name: `pg bad ${randomUUID().slice(0, 6)}`,
      type: 'postgres',
      value: { ...connection, user: stranger, password: wrongPassword },
    });
    const refused = await testConnection(bad);
    expect(refused.body.ok).toBe(false);
    expect(refused.body.message).not.toContain(wrongPassword);
    // Only secret fields are masked: the user name stays readable, it says what went wrong.
    expect(refused.body.message).toContain(stranger);
  });

  it('opens a given URL with HTTP credentials, and asks for one when it is missing', async () => {
    const token = `token-${randomUUID()}`;
    server.on('/private', (request) =>
      request.headers.authorization === `Bearer ${token}` ? { json: {} } : { status: 403, json: {} },
    );
    const id = await storeCredential(ownerOrg(), {
      name: `bearer ${randomUUID().slice(0, 6)}`,
      type: 'bearer',
      value: { token },
    });
    expect(await testConnection(id, { url: `${base}/private` })).toMatchObject({ body: { ok: true } });
    const missing = await testConnection(id);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/^url:/);
    expect((await testConnection(id, { url: 'ftp://nope' })).status).toBe(400);
    const audit = await db().auditEvent.findMany({ where: { action: 'credential.test', targetId: id } });
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });
});
