import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { storeCredential } from '@/lib/vault/credentials';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import { TestServer } from '../support/test-server';
import { apiFetch, ownerOrg } from '../support/api';

const target = new TestServer();
const elsewhere = new TestServer();
let base = '';
let otherBase = '';

beforeAll(async () => {
  [base, otherBase] = await Promise.all([target.start(), elsewhere.start()]);
});
afterAll(() => Promise.all([target.stop(), elsewhere.stop()]));

describe('secrets a target echoes back', () => {
  it('never reach a stored row, a live event or an API response, for bearer, basic and header credentials', async () => {
    const canary = `canary-${randomUUID()}`;
    const basicToken = Buffer.from(`ada:${canary}-basic`).toString('base64');
    const org = ownerOrg();
    const [bearer, basic, header] = await Promise.all([
      storeCredential(org, {
        name: `echo bearer ${randomUUID()}`,
        type: 'bearer',
        value: { token: `${canary}-bearer` },
      }),
      storeCredential(org, {
        name: `echo basic ${randomUUID()}`,
        type: 'basic',
        value: { username: 'ada', password: `${canary}-basic` },
      }),
      storeCredential(org, {
        name: `echo header ${randomUUID()}`,
        type: 'header',
        value: { name: 'X-Api-Key', value: `${canary}-header` },
      }),
    ]);
    // A 200 whose body and headers carry the request's credentials back.
    target.on('/echo', (request) => {
      const sent = String(request.headers.authorization ?? request.headers['x-api-key']);
      return {
        json: { youSent: sent, headers: request.headers, raw: sent.replace(/^(Bearer|Basic) /, '') },
        headers: { 'x-echo': sent, 'x-raw': sent.replace(/^(Bearer|Basic) /, '') },
      };
    });
    const call = (id: string, credentialId: string) => ({
      id,
      type: 'http.request',
      config: { url: `${base}/echo`, auth: { type: 'credential', credentialId } },
    });
    const workflowId = await publishWorkflow('echoed credentials', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        call('bearer', bearer),
        call('basic', basic),
        call('header', header),
        {
          id: 'out',
          type: 'flow.output',
          config: { value: '{{ [nodes.bearer.output, nodes.basic.output, nodes.header.output] }}' },
        },
      ],
      edges: [
        { source: 'start', target: 'bearer' },
        { source: 'bearer', target: 'basic' },
        { source: 'basic', target: 'header' },
        { source: 'header', target: 'out' },
      ],
    });

    const events: string[] = [];
    const subscriber = new Redis(process.env.REDIS_URL!);
    subscriber.on('pmessage', (_pattern, _channel, message) => events.push(message));
    await subscriber.psubscribe('run-events:*', 'org-runs:*');
    let runId = '';
    try {
      runId = await startRun(workflowId);
      const run = await waitForRun(runId);
      expect(run.status).toBe('SUCCEEDED');
    } finally {
      subscriber.disconnect();
    }

    // The target did receive each credential: masking happens on the way back only.
    expect(
      target.requests('/echo').map((request) => request.headers.authorization ?? request.headers['x-api-key']),
    ).toEqual([`Bearer ${canary}-bearer`, `Basic ${basicToken}`, `${canary}-header`]);
    const run = await (await apiFetch(`/api/runs/${runId}`)).json();
    expect(run.output[0]).toMatchObject({
      headers: { 'x-echo': '[redacted]', 'x-raw': '[redacted]' },
      body: { youSent: '[redacted]', raw: '[redacted]', headers: { authorization: '[redacted]' } },
    });
    expect(run.output[2].body.headers['x-api-key']).toBe('[redacted]');

    const records = JSON.stringify(
      {
        run,
        list: await (await apiFetch(`/api/runs?workflowId=${workflowId}`)).json(),
        steps: await db().runStep.findMany({ where: { runId } }),
        logs: await db().runLog.findMany({ where: { runId } }),
        runRow: await db().run.findUnique({ where: { id: runId } }),
        payloads: await db().runPayload.findMany({ where: { runId } }),
        events,
      },
      (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value),
    );
    expect(events.length).toBeGreaterThan(3);
    expect(records).not.toContain(canary);
    expect(records).not.toContain(basicToken);
  });

  it('drops a header credential, like bearer and basic, when a redirect leads to another origin', async () => {
    const org = ownerOrg();
    const header = await storeCredential(org, {
      name: 'redirected header',
      type: 'header',
      value: { name: 'X-Api-Key', value: `redirect-${randomUUID()}` },
    });
    const bearer = await storeCredential(org, {
      name: 'redirected bearer',
      type: 'bearer',
      value: { token: `redirect-${randomUUID()}` },
    });
    target.on('/moved', () => ({ status: 307, headers: { location: `${otherBase}/landing` } }));
    const moved = (id: string, credentialId: string) => ({
      id,
      type: 'http.request',
      config: { url: `${base}/moved`, auth: { type: 'credential', credentialId } },
    });
    const workflowId = await publishWorkflow('redirected credentials', {
      nodes: [{ id: 'start', type: 'trigger.manual' }, moved('header', header), moved('bearer', bearer)],
      edges: [
        { source: 'start', target: 'header' },
        { source: 'header', target: 'bearer' },
      ],
    });
    const run = await waitForRun(await startRun(workflowId));
    expect(run.status).toBe('SUCCEEDED');
    const landed = elsewhere.requests('/landing');
    expect(landed).toHaveLength(2);
    for (const request of landed) {
      expect(request.headers).not.toHaveProperty('x-api-key');
      expect(request.headers).not.toHaveProperty('authorization');
    }
    expect(target.requests('/moved')[0].headers['x-api-key']).toMatch(/^redirect-/);
  });
});
