import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { storeCredential } from '@/lib/vault/credentials';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import { TestServer } from '../support/test-server';
import { apiFetch, ownerOrg } from '../support/api';

// The test platform opens only the stand-in services' own loopback address (127.0.0.2, via
// OUTBOUND_ALLOWED_TARGETS); everything else below is what every deployment blocks by default.
const server = new TestServer();
let stub = '';
let web = '';
let webPort = '';

beforeAll(async () => {
  stub = await server.start();
  web = inject('platform').webUrl;
  webPort = new URL(web).port;
});
afterAll(() => server.stop());

const httpNode = (id: string, url: string) => ({
  id,
  type: 'http.request',
  config: { url },
  settings: { onError: 'continue' as const, retry: { maxAttempts: 3, initialIntervalMs: 10 } },
});

describe('outbound guard: HTTP nodes', () => {
  it('blocks every spelling of loopback, private and metadata addresses, without retrying, and lets the allowed host through', async () => {
    server.on('/to-app', () => ({ status: 302, headers: { location: `${web}/api/health` } }));
    const targets: Record<string, [url: string, message: string]> = {
      v4: [`http://127.0.0.1:${webPort}/api/health`, '127.0.0.1 is a loopback address'],
      name: [`http://localhost:${webPort}/api/health`, 'localhost resolves to 127.0.0.1, a loopback address'],
      v6: [`http://[::1]:${webPort}/api/health`, '::1 is a loopback address'],
      mapped: [`http://[::ffff:127.0.0.1]:${webPort}/`, '::ffff:7f00:1 is a loopback address'],
      unspecified: [`http://0.0.0.0:${webPort}/`, '0.0.0.0 is a unspecified address'],
      decimal: [`http://2130706433:${webPort}/`, '127.0.0.1 is a loopback address'],
      hex: [`http://0x7f.0.0.1:${webPort}/`, '127.0.0.1 is a loopback address'],
      metadata: ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a cloud metadata address'],
      private: ['http://10.255.255.1/', '10.255.255.1 is a private address'],
      redirect: [`${stub}/to-app`, '127.0.0.1 is a loopback address'],
    };
    const workflowId = await publishWorkflow('outbound attacks', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        ...Object.entries(targets).map(([id, [url]]) => httpNode(id, url)),
        httpNode('allowed', `${stub}/fine`),
      ],
      edges: [...Object.keys(targets), 'allowed'].map((target) => ({ source: 'start', target })),
    });
    const run = await waitForRun(await startRun(workflowId));
    expect(run.status).toBe('SUCCEEDED');
    for (const [id, [url, reason]] of Object.entries(targets)) {
      expect(run.nodes[id], id).toMatchObject({ status: 'FAILED', attempts: 1 });
      const error = run.nodes[id].error as { type: string; message: string };
      expect(error.type, id).toBe('OutboundBlocked');
      expect(error.message, id).toContain(`GET ${new URL(url).toString()}: Outbound request to `);
      expect(error.message, id).toContain(`blocked: ${reason}`);
    }
    expect(run.nodes.allowed).toMatchObject({ status: 'SUCCEEDED' });
    // The redirect reached the stub, whose answer was refused; nothing reached the app itself.
    expect(server.requests('/to-app')).toHaveLength(1);
  });

  it("keeps loopback closed even when an org's allowlist names it, and opens private hosts the org lists", async () => {
    const refused = await apiFetch('/api/outbound-allowlist', {
      method: 'PUT',
      body: JSON.stringify({ entries: ['10.0.0.0/8', 'not a host!'] }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: { code: 'invalid_request', message: 'entries.1: "not a host!" is not a host name' },
    });
    const saved = await apiFetch('/api/outbound-allowlist', {
      method: 'PUT',
      body: JSON.stringify({ entries: ['127.0.0.1', ' Intranet.Example '] }),
    });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ entries: ['127.0.0.1', 'intranet.example'] });
    try {
      const workflowId = await publishWorkflow('loopback listed', {
        nodes: [{ id: 'start', type: 'trigger.manual' }, httpNode('app', `http://127.0.0.1:${webPort}/api/health`)],
        edges: [{ source: 'start', target: 'app' }],
      });
      const run = await waitForRun(await startRun(workflowId));
      expect(run.nodes.app.error).toMatchObject({ type: 'OutboundBlocked' });
    } finally {
      await apiFetch('/api/outbound-allowlist', { method: 'PUT', body: JSON.stringify({ entries: [] }) });
    }
  });
});

describe('outbound guard: credential tests', () => {
  it('refuses HTTP, Postgres and OAuth2 connection tests to blocked addresses and says why', async () => {
    const org = ownerOrg();
    const { databaseUrl } = inject('platform');
    const test = async (credentialId: string, body: unknown = {}) => {
      const response = await apiFetch(`/api/credentials/${credentialId}/test`, {
        method: 'POST',
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { ok: boolean; message: string };
    };
    const bearer = await storeCredential(org, {
      name: 'guarded bearer',
      type: 'bearer',
      value: { token: 'tok-123456' },
    });
    expect(await test(bearer, { url: `http://127.0.0.1:${webPort}/api/health` })).toEqual({
      ok: false,
      message: expect.stringContaining('Outbound request to 127.0.0.1 blocked: 127.0.0.1 is a loopback address'),
    });
    const postgresUrl = new URL(databaseUrl);
    const postgres = await storeCredential(org, {
      name: 'guarded postgres',
      type: 'postgres',
      value: {
        host: 'localhost',
        port: Number(postgresUrl.port),
        database: 'postgres',
        user: 'postgres',
        password: 'irrelevant-password',
        ssl: 'disable',
      },
    });
    expect(await test(postgres)).toEqual({
      ok: false,
      message: expect.stringContaining('blocked: localhost resolves to 127.0.0.1, a loopback address'),
    });
    const oauth = await storeCredential(org, {
      name: 'guarded oauth',
      type: 'oauth2',
      value: { tokenUrl: 'http://169.254.169.254/token', clientId: 'client', clientSecret: 'client-secret-1' },
    });
    expect(await test(oauth)).toEqual({
      ok: false,
      message: expect.stringContaining('blocked: 169.254.169.254 is a cloud metadata address'),
    });
  });
});
