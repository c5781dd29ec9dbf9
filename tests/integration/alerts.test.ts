import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { rotateAlertSecretKeys } from '@/lib/alerts/rotate-secrets';
import { sealedSecretOf } from '@/lib/alerts/rule-secret';
import { verifySignature } from '@/lib/alerts/sign';
import { createApiKey } from '@/lib/auth/api-keys';
import { db } from '@/lib/db/client';
import { open } from '@/lib/vault/envelope';
import { vaultKeyRing } from '@/lib/vault/vault-key-ring';
import { apiFetch } from '../support/api';
import { minutesAgo, seedWorkflowRuns } from '../support/dashboard-seed';
import { createOtherOrg } from '../support/other-org';
import { TestServer, type SeenRequest } from '../support/test-server';

/** The requests a path receives, in order, each awaited as it comes. */
function receiver(server: TestServer, path: string, status = 200) {
  const arrived: SeenRequest[] = [];
  const waiting: ((request: SeenRequest) => void)[] = [];
  server.on(path, (request) => {
    const waiter = waiting.shift();
    if (waiter) waiter(request);
    else arrived.push(request);
    return { status };
  });
  return {
    next: () =>
      arrived.length > 0
        ? Promise.resolve(arrived.shift()!)
        : new Promise<SeenRequest>((resolve) => waiting.push(resolve)),
  };
}

/** Ended runs of one workflow, written in one statement so an evaluation never sees half of them. */
async function seedEnded(orgId: string, workflowId: string, versionId: string, statuses: ('SUCCEEDED' | 'FAILED')[]) {
  const endedAt = minutesAgo(Date.now(), 5);
  await db().run.createMany({
    data: statuses.map((status) => ({
      id: `alert-${randomUUID()}`,
      orgId,
      workflowId,
      versionId,
      trigger: 'API' as const,
      status,
      createdAt: endedAt,
      startedAt: endedAt,
      endedAt,
      durationMs: 0,
    })),
  });
}

describe('alerts', () => {
  const server = new TestServer();
  let stubUrl: string;
  let org: Awaited<ReturnType<typeof createOtherOrg>>;
  let workflow: { id: string; versionId: string };

  const post = (body: unknown) => org.keyFetch('/api/alerts', { method: 'POST', body: JSON.stringify(body) });

  beforeAll(async () => {
    stubUrl = await server.start();
    // Its own org, so the rules measure exactly the runs below.
    org = await createOtherOrg('Alerts');
    const created = await db().workflow.create({ data: { orgId: org.orgId, name: 'Alerted' } });
    const version = await db().workflowVersion.create({
      data: { orgId: org.orgId, workflowId: created.id, version: 1, definition: {}, checksum: randomUUID() },
    });
    workflow = { id: created.id, versionId: version.id };
  });
  afterAll(() => server.stop());

  it('refuses a bad rule by field, and a webhook the outbound guard would block', async () => {
    const rule = { name: 'x', kind: 'success_rate_below', threshold: 90, webhookUrl: `${stubUrl}/never` };
    const badKind = await post({ ...rule, kind: 'queue_depth' });
    expect(badKind.status).toBe(400);
    expect((await badKind.json()).error.details).toEqual([
      {
        path: 'kind',
        message: 'kind must be success_rate_below, burn_rate_above, approval_waiting_longer_than, queue_backlog_above',
      },
    ]);
    const overHundred = await post({ ...rule, threshold: 120 });
    expect((await overHundred.json()).error.details).toEqual([
      { path: 'threshold', message: 'threshold of a success rate is a percentage: at most 100' },
    ]);
    const loopback = await post({ ...rule, webhookUrl: 'http://127.0.0.1:9/hook' });
    expect(loopback.status).toBe(400);
    const error = (await loopback.json()).error;
    expect(error.code).toBe('invalid_request');
    expect(error.details[0].path).toBe('webhookUrl');
    expect(error.message).toMatch(
      /^webhookUrl: Outbound request to 127\.0\.0\.1 blocked: 127\.0\.0\.1 is a loopback address/,
    );
    expect(await db().alertRule.count({ where: { orgId: org.orgId } })).toBe(0);
  });

  it('fires and resolves a success-rate rule once each, signed, and keeps the history', async () => {
    await seedEnded(org.orgId, workflow.id, workflow.versionId, ['SUCCEEDED', 'FAILED', 'FAILED', 'FAILED']);
    const webhook = receiver(server, '/alerts/success');
    const created = await post({
      name: 'Success under 90%',
      kind: 'success_rate_below',
      threshold: 90,
      windowMinutes: 60,
      webhookUrl: `${stubUrl}/alerts/success`,
    });
    expect(created.status).toBe(201);
    const rule = await created.json();
    expect(rule.secret).toMatch(/^whsec_/);
    expect(rule).toMatchObject({ kind: 'success_rate_below', threshold: 90, windowMinutes: 60, enabled: true });

    // The platform's worker evaluates rules every second in tests (JOBS_ALERTS_EVERY_MS).
    const fired = await webhook.next();
    expect(fired.method).toBe('POST');
    expect(verifySignature(rule.secret, fired.body, String(fired.headers['x-floworchestrator-signature']))).toBe(true);
    const firedBody = JSON.parse(fired.body);
    expect(firedBody).toEqual({
      id: expect.any(String),
      state: 'firing',
      value: 25,
      message: 'Success rate 25% over the last 60 minutes (1 succeeded, 3 failed)',
      at: expect.any(String),
      rule: { id: rule.id, name: 'Success under 90%', kind: 'success_rate_below', threshold: 90, windowMinutes: 60 },
    });

    // 37 of 40 succeeded: 92.5%.
    await seedEnded(org.orgId, workflow.id, workflow.versionId, Array(36).fill('SUCCEEDED'));
    const resolved = await webhook.next();
    expect(verifySignature(rule.secret, resolved.body, String(resolved.headers['x-floworchestrator-signature']))).toBe(
      true,
    );
    expect(JSON.parse(resolved.body)).toMatchObject({
      state: 'resolved',
      value: 92.5,
      message: 'Success rate 92.5% over the last 60 minutes (37 succeeded, 3 failed)',
    });

    const detail = await (await org.keyFetch(`/api/alerts/${rule.id}`)).json();
    expect(detail.firing).toBe(false);
    expect(detail).not.toHaveProperty('secret');
    expect(
      detail.history.map((entry: Record<string, unknown>) => [entry.state, entry.value, entry.deliveryStatus]),
    ).toEqual([
      ['resolved', 92.5, 200],
      ['firing', 25, 200],
    ]);
    expect(detail.history[1].id).toBe(firedBody.id);
    // The other org sees no such rule.
    expect((await apiFetch(`/api/alerts/${rule.id}`)).status).toBe(404);
  });

  it('fires a burn-rate rule against the SLO, and records a webhook that refused the delivery', async () => {
    // 3 failed of 40 is a 7.5% failure rate: 150 times the 0.05% budget of the default 99.95% SLO.
    const webhook = receiver(server, '/alerts/burn', 500);
    const rule = await (
      await post({
        name: 'Burning',
        kind: 'burn_rate_above',
        threshold: 100,
        windowMinutes: 60,
        webhookUrl: `${stubUrl}/alerts/burn`,
      })
    ).json();
    const fired = JSON.parse((await webhook.next()).body);
    expect(fired).toMatchObject({
      state: 'firing',
      value: 150,
      message: 'Error budget burning at 150× over the last 60 minutes (3 of 40 runs failed, SLO 99.95%)',
    });
    await expect
      .poll(async () => (await (await org.keyFetch(`/api/alerts/${rule.id}`)).json()).history[0]?.deliveryError)
      .toBe('The webhook answered 500');
    const [entry] = (await (await org.keyFetch(`/api/alerts/${rule.id}`)).json()).history;
    expect([entry.state, entry.deliveryStatus]).toEqual(['firing', 500]);
  });

  it('fires when an approval has waited longer than the threshold', async () => {
    const { runIds } = await seedWorkflowRuns(
      org.orgId,
      'Alerts approval',
      [{ id: 'review', type: 'human.approval' }],
      [{ status: 'WAITING', at: minutesAgo(Date.now(), 5), steps: [{ nodeId: 'review', status: 'WAITING' }] }],
    );
    const webhook = receiver(server, '/alerts/approval');
    await post({
      name: 'Slow approvals',
      kind: 'approval_waiting_longer_than',
      threshold: 2,
      webhookUrl: `${stubUrl}/alerts/approval`,
    });
    const fired = JSON.parse((await webhook.next()).body);
    expect(fired.state).toBe('firing');
    expect(fired.value).toBeGreaterThanOrEqual(5);
    expect(fired.message).toMatch(
      new RegExp(`^Approval "review" of Alerts approval has waited 5(\\.\\d+)? minutes \\(run ${runIds[0]}\\)$`),
    );

    const listed = await (await org.keyFetch('/api/alerts')).json();
    expect(listed.rules.map((rule: { name: string; firing: boolean }) => [rule.name, rule.firing])).toEqual([
      ['Success under 90%', false],
      ['Burning', true],
      ['Slow approvals', true],
    ]);
    expect(listed.history.map((entry: { ruleName: string; state: string }) => [entry.ruleName, entry.state])).toEqual([
      ['Slow approvals', 'firing'],
      ['Burning', 'firing'],
      ['Success under 90%', 'resolved'],
      ['Success under 90%', 'firing'],
    ]);
  });

  it('measures the task-queue backlog, and stays quiet while workers keep up', async () => {
    const rule = await (
      await post({
        name: 'Backlog',
        kind: 'queue_backlog_above',
        threshold: 1000,
        webhookUrl: `${stubUrl}/alerts/backlog`,
      })
    ).json();
    await expect
      .poll(async () => (await (await org.keyFetch(`/api/alerts/${rule.id}`)).json()).lastEvaluatedAt, {
        timeout: 10_000,
      })
      .not.toBeNull();
    const detail = await (await org.keyFetch(`/api/alerts/${rule.id}`)).json();
    expect([detail.firing, detail.history]).toEqual([false, []]);
    expect(server.requests('/alerts/backlog')).toEqual([]);
  });

  it("shows a viewer each webhook's origin only: its path may be its credential", async () => {
    // API keys cannot mint keys: this one is made as the org's owner would, signed in.
    const owner = await db().membership.findFirstOrThrow({ where: { orgId: org.orgId, role: 'OWNER' } });
    const { key } = await createApiKey(
      {
        orgId: org.orgId,
        orgName: 'Alerts',
        userId: owner.userId,
        role: 'OWNER',
        actor: { type: 'USER', id: owner.userId, label: 'owner' },
      },
      { name: 'alerts viewer', role: 'VIEWER' },
    );
    const asViewer = await fetch(new URL('/api/alerts', inject('platform').webUrl), {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(asViewer.status).toBe(200);
    const urls = (await asViewer.json()).rules.map((rule: { webhookUrl: string }) => rule.webhookUrl);
    expect(new Set(urls)).toEqual(new Set([`${stubUrl}/…`]));
    const asOwner = await (await org.keyFetch('/api/alerts')).json();
    expect(asOwner.rules[0].webhookUrl).toBe(`${stubUrl}/alerts/success`);
    const refused = await fetch(new URL('/api/alerts', inject('platform').webUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(403);
  });

  it('re-wraps signing secrets under a new master key, as credentials are', async () => {
    const original = process.env.VAULT_MASTER_KEYS!;
    // Disabled: the worker, which knows only the old key, never needs this one's secret.
    const rule = await (
      await post({
        name: 'Rotated',
        kind: 'success_rate_below',
        threshold: 50,
        webhookUrl: `${stubUrl}/alerts/rotated`,
        enabled: false,
      })
    ).json();
    const newKey = `9:${randomBytes(32).toString('base64')}`;
    try {
      process.env.VAULT_MASTER_KEYS = `${original},${newKey}`;
      expect(await rotateAlertSecretKeys({ batchSize: 2 })).toBeGreaterThanOrEqual(1);
      const row = await db().alertRule.findUniqueOrThrow({ where: { id: rule.id } });
      expect(row.secretKeyVersion).toBe(9);
      // The old key can go: the secret opens with the new one alone.
      process.env.VAULT_MASTER_KEYS = newKey;
      expect(await open(vaultKeyRing(), rule.id, sealedSecretOf(row))).toBe(rule.secret);
      // Back under the key the running platform (and every later test) knows.
      const platformVersion = Math.max(...original.split(',').map((entry) => Number(entry.split(':')[0])));
      Object.assign(process.env, {
        VAULT_MASTER_KEYS: `${original},${newKey}`,
        VAULT_CURRENT_KEY_VERSION: String(platformVersion),
      });
      await rotateAlertSecretKeys();
      expect(await db().alertRule.count({ where: { secretKeyVersion: { not: platformVersion } } })).toBe(0);
    } finally {
      process.env.VAULT_MASTER_KEYS = original;
      delete process.env.VAULT_CURRENT_KEY_VERSION;
    }
  });
});
