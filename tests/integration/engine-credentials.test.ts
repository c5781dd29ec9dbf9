import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '@/lib/db/client';
import { storeCredential } from '@/lib/vault/credentials';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import { TestServer } from '../support/test-server';
import { apiFetch, ownerOrg } from '../support/api';

const server = new TestServer();
let base = '';
beforeAll(async () => {
  base = await server.start();
});
afterAll(() => server.stop());

describe('engine: credentials in HTTP nodes', () => {
  it('decrypts a stored credential inside the activity and keeps it out of every record', async () => {
    const canary = `canary-${randomUUID()}`;
    const org = ownerOrg();
    const credentialId = await storeCredential(org, {
      name: `api ${canary.slice(-6)}`,
      type: 'bearer',
      value: { token: canary },
    });
    server.on('/secure', (request) =>
      request.headers.authorization === `Bearer ${canary}`
        ? { json: { ok: true } }
        : { status: 401, json: { echo: request.headers.authorization } },
    );
    server.on('/denied', (request) => ({ status: 403, json: { echo: request.headers.authorization } }));
    server.on('/crash', (request) => ({ status: 500, json: { trace: `bad header ${request.headers.authorization}` } }));
    const workflowId = await publishWorkflow('credential', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        {
          id: 'call',
          type: 'http.request',
          config: { url: `${base}/secure`, auth: { type: 'credential', credentialId } },
        },
        {
          id: 'crash',
          type: 'http.request',
          config: { url: `${base}/crash`, auth: { type: 'credential', credentialId } },
          settings: { retry: { maxAttempts: 2, initialIntervalMs: 10 }, onError: 'continue' },
        },
        {
          id: 'fail',
          type: 'http.request',
          config: { url: `${base}/denied`, auth: { type: 'credential', credentialId } },
          settings: { retry: { maxAttempts: 1 } },
        },
      ],
      edges: [
        { source: 'start', target: 'call' },
        { source: 'call', target: 'crash' },
        { source: 'crash', target: 'fail' },
      ],
    });
    const run = await waitForRun(await startRun(workflowId));
    expect(run.status).toBe('FAILED');
    expect(run.nodes.call.status).toBe('SUCCEEDED');
    expect(run.error.type).toBe('HttpError403');

    expect(run.nodes.crash.status).toBe('FAILED');
    const apiText = (
      await Promise.all(
        [
          `/api/runs/${run.id}`,
          '/api/runs',
          '/api/audit-events',
          '/api/credentials',
          `/api/credentials/${credentialId}`,
        ].map(async (path) => (await apiFetch(path)).text()),
      )
    ).join('\n');
    const stored = {
      steps: await db().runStep.findMany({ where: { runId: run.id } }),
      logs: await db().runLog.findMany({ where: { runId: run.id } }),
      run: await db().run.findUnique({ where: { id: run.id } }),
      credential: await db().credential.findUnique({
        where: { id: credentialId },
        select: { ciphertext: true, metadata: true },
      }),
    };
    const records = JSON.stringify(stored, (_key, value) => (typeof value === 'bigint' ? String(value) : value));
    expect(apiText).not.toContain(canary);
    expect(records).not.toContain(canary);
    expect(apiText).toContain('[redacted]');
    const uses = await db().auditEvent.findMany({ where: { action: 'credential.use', targetId: credentialId } });
    expect(uses.map((use) => use.data)).toEqual(
      expect.arrayContaining([
        { runId: run.id, nodeId: 'call' },
        { runId: run.id, nodeId: 'fail' },
      ]),
    );
    expect(JSON.stringify(uses)).not.toContain(canary);
    const logs = await Promise.all(
      ['web', 'worker', 'collab'].map((name) => readFile(path.join(inject('platform').logDir, `${name}.log`), 'utf8')),
    );
    expect(logs.join('\n')).not.toContain(canary);
  });

  it('fails clearly when the credential does not exist', async () => {
    const workflowId = await publishWorkflow('missing credential', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        {
          id: 'call',
          type: 'http.request',
          config: { url: `${base}/secure`, auth: { type: 'credential', credentialId: randomUUID() } },
        },
      ],
      edges: [{ source: 'start', target: 'call' }],
    });
    const run = await waitForRun(await startRun(workflowId));
    expect(run.status).toBe('FAILED');
    expect(run.error).toMatchObject({ nodeId: 'call', type: 'CredentialNotFound' });
  });
});
