import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { storeCredential } from '@/lib/vault/credentials';
import {
  admitThroughCircuit,
  readCircuitState,
  recordCircuitOutcome,
} from '@/lib/connectors/credential-guard/circuit-breaker';
import { redis } from '@/lib/redis/client';
import { temporalClient } from '@/temporal/client';
import { apiFetch, ownerOrg } from '../support/api';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import { TestServer } from '../support/test-server';

const server = new TestServer();
let base = '';
beforeAll(async () => {
  base = await server.start();
});
afterAll(() => server.stop());

const json = { 'content-type': 'application/json' };

async function bearerCredential(name: string, limits: Record<string, number>) {
  const credentialId = await storeCredential(ownerOrg(), { name, type: 'bearer', value: { token: randomUUID() } });
  const response = await apiFetch(`/api/credentials/${credentialId}`, {
    method: 'PATCH',
    headers: json,
    body: JSON.stringify({ limits }),
  });
  expect(response.status).toBe(200);
  return credentialId;
}

const attemptsOf = async (runId: string, nodeId: string) =>
  (await db().runStep.findMany({ where: { runId, nodeId }, orderBy: { attempt: 'asc' } })).map((step) => ({
    attempt: step.attempt,
    status: step.status,
    error: (step.error as { message?: string } | null)?.message ?? null,
  }));

describe('circuit breaker state machine (Redis)', () => {
  const settings = { threshold: 3, cooldownMs: 10_000 };
  const fault = { kind: 'fault', error: 'HTTP 503' } as const;

  it('opens after the threshold of consecutive faults, fails fast while open, and lets one probe through after the cooldown', async () => {
    const id = randomUUID();
    const t = 1_000_000;
    await recordCircuitOutcome(id, settings, fault, t);
    await recordCircuitOutcome(id, settings, fault, t);
    expect(await admitThroughCircuit(id, settings, t)).toEqual({ allowed: true, probe: false });
    await recordCircuitOutcome(id, settings, { kind: 'fault', error: 'HTTP 502' }, t + 1);
    expect(await admitThroughCircuit(id, settings, t + 4_001)).toEqual({
      allowed: false,
      retryAfterMs: 6_000,
      failures: 3,
      lastError: 'HTTP 502',
    });
    expect(await readCircuitState(id, t + 4_001)).toEqual({
      state: 'open',
      consecutiveFailures: 3,
      lastError: 'HTTP 502',
      openUntil: new Date(t + 10_001).toISOString(),
    });

    // Half-open: the first attempt probes, the ones meanwhile still fail fast.
    expect(await readCircuitState(id, t + 10_001)).toMatchObject({ state: 'half-open', openUntil: null });
    expect(await admitThroughCircuit(id, settings, t + 10_001)).toEqual({ allowed: true, probe: true });
    expect(await admitThroughCircuit(id, settings, t + 10_002)).toEqual({
      allowed: false,
      retryAfterMs: 10_000,
      failures: 3,
      lastError: 'HTTP 502',
    });
    // A failed probe reopens it for a whole cooldown.
    await recordCircuitOutcome(id, settings, { kind: 'fault', error: 'timeout' }, t + 10_500);
    expect(await admitThroughCircuit(id, settings, t + 10_500)).toEqual({
      allowed: false,
      retryAfterMs: 10_000,
      failures: 4,
      lastError: 'timeout',
    });
    // A probe that ends saying nothing of the provider frees the probe for the next attempt.
    expect(await admitThroughCircuit(id, settings, t + 20_500)).toEqual({ allowed: true, probe: true });
    await recordCircuitOutcome(id, settings, { kind: 'unknown' }, t + 20_600);
    expect(await admitThroughCircuit(id, settings, t + 20_700)).toEqual({ allowed: true, probe: true });
    // A successful probe closes it and forgets the failures.
    await recordCircuitOutcome(id, settings, { kind: 'answered' }, t + 20_800);
    expect(await readCircuitState(id, t + 20_800)).toEqual({
      state: 'closed',
      consecutiveFailures: 0,
      lastError: null,
      openUntil: null,
    });
    expect(await admitThroughCircuit(id, settings, t + 20_800)).toEqual({ allowed: true, probe: false });
  });

  it('counts only consecutive faults: the provider answering in between starts the count again', async () => {
    const id = randomUUID();
    await recordCircuitOutcome(id, settings, fault, 1);
    await recordCircuitOutcome(id, settings, fault, 2);
    await recordCircuitOutcome(id, settings, { kind: 'answered' }, 3);
    await recordCircuitOutcome(id, settings, fault, 4);
    await recordCircuitOutcome(id, settings, fault, 5);
    expect(await readCircuitState(id, 6)).toEqual({
      state: 'closed',
      consecutiveFailures: 2,
      lastError: 'HTTP 503',
      openUntil: null,
    });
  });
});

describe('circuit breaker in runs', () => {
  it('stops calling a failing provider after K failures, fails fast naming the circuit, and closes after a successful probe', async () => {
    const name = `flaky ${randomUUID().slice(0, 8)}`;
    const credentialId = await bearerCredential(name, { breakerFailures: 3, breakerCooldownSeconds: 5 });
    const path = `/down-${credentialId}`;
    let healthy = false;
    server.on(path, () => (healthy ? { json: { ok: true } } : { status: 503, json: { error: 'down' } }));
    const call = (maxAttempts: number) => ({
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        {
          id: 'call',
          type: 'http.request',
          config: { url: `${base}${path}`, auth: { type: 'credential', credentialId } },
          settings: { retry: { maxAttempts, initialIntervalMs: 10 } },
        },
      ],
      edges: [{ source: 'start', target: 'call' }],
    });

    const failing = await waitForRun(await startRun(await publishWorkflow('breaker opens', call(4))));
    expect(failing.status).toBe('FAILED');
    expect(server.requests(path)).toHaveLength(3);
    const http503 = `GET ${base}${path} failed with HTTP 503 Service Unavailable`;
    // The wait named is what is left of the 5 s cooldown when the fourth attempt came.
    const refusal = `Circuit open for credential "${name}": 3 consecutive failures, last: ${http503}; retrying after `;
    const escaped = refusal.replace(/[.*+?^$(){}|[\]\\/]/g, '\\$&');
    const open = expect.stringMatching(new RegExp(`^${escaped}[1-5] s$`));
    expect(await attemptsOf(failing.id, 'call')).toEqual([
      { attempt: 1, status: 'FAILED', error: http503 },
      { attempt: 2, status: 'FAILED', error: http503 },
      { attempt: 3, status: 'FAILED', error: http503 },
      { attempt: 4, status: 'FAILED', error: open },
    ]);
    expect(failing.error).toMatchObject({ nodeId: 'call', type: 'CredentialCircuitOpen', message: open });
    const state = await (await apiFetch(`/api/credentials/${credentialId}/circuit`)).json();
    expect(state).toEqual({
      state: 'open',
      consecutiveFailures: 3,
      lastError: http503,
      openUntil: state.openUntil,
      failureThreshold: 3,
      cooldownSeconds: 5,
    });

    // The provider recovers: a run started while the circuit is open waits out the cooldown
    // (the attempt's nextRetryDelay), then its probe succeeds and closes the circuit.
    healthy = true;
    const recovering = await waitForRun(await startRun(await publishWorkflow('breaker closes', call(3))));
    expect(recovering.status).toBe('SUCCEEDED');
    expect(server.requests(path)).toHaveLength(4);
    const attempts = await attemptsOf(recovering.id, 'call');
    expect(attempts).toEqual([
      {
        attempt: 1,
        status: 'FAILED',
        error: expect.stringMatching(
          new RegExp(
            `^Circuit open for credential "${name}": 3 consecutive failures, last: .*; retrying after [1-5] s$`,
          ),
        ),
      },
      { attempt: 2, status: 'SUCCEEDED', error: null },
    ]);
    // The probe came once the circuit's cooldown was over, not on the retry policy's 10 ms.
    const [first, probe] = await db().runStep.findMany({
      where: { runId: recovering.id, nodeId: 'call' },
      orderBy: { attempt: 'asc' },
    });
    expect(probe.startedAt!.getTime()).toBeGreaterThanOrEqual(new Date(state.openUntil).getTime());
    expect(first.startedAt!.getTime()).toBeLessThan(new Date(state.openUntil).getTime());
    expect(await (await apiFetch(`/api/credentials/${credentialId}/circuit`)).json()).toEqual({
      state: 'closed',
      consecutiveFailures: 0,
      lastError: null,
      openUntil: null,
      failureThreshold: 3,
      cooldownSeconds: 5,
    });
  });

  it('does not count failures the request caused (a 404) towards opening the circuit', async () => {
    const credentialId = await bearerCredential(`strict ${randomUUID().slice(0, 8)}`, { breakerFailures: 1 });
    const path = `/missing-${credentialId}`;
    server.on(path, () => ({ status: 404, json: { error: 'no such thing' } }));
    const run = await waitForRun(
      await startRun(
        await publishWorkflow('breaker ignores 4xx', {
          nodes: [
            { id: 'start', type: 'trigger.manual' },
            {
              id: 'call',
              type: 'http.request',
              config: { url: `${base}${path}`, auth: { type: 'credential', credentialId } },
            },
          ],
          edges: [{ source: 'start', target: 'call' }],
        }),
      ),
    );
    expect(run.error).toMatchObject({ nodeId: 'call', type: 'HttpError404' });
    expect(await (await apiFetch(`/api/credentials/${credentialId}/circuit`)).json()).toMatchObject({
      state: 'closed',
      consecutiveFailures: 0,
    });
  });
});

describe('credential rate limit in runs', () => {
  it('lets no more than the limit through in a minute: a third request that cannot wait within its attempt is refused before the provider, to be retried when a slot frees', async () => {
    const name = `limited ${randomUUID().slice(0, 8)}`;
    const credentialId = await bearerCredential(name, { requestsPerMinute: 2 });
    const path = `/limited-${credentialId}`;
    server.on(path, () => ({ json: { ok: true } }));
    const node = (id: string) => ({
      id,
      type: 'http.request',
      config: { url: `${base}${path}`, auth: { type: 'credential', credentialId } },
      // One attempt, with less time than a slot takes to free: the run ends at the refusal. A
      // regular activity, so the failure Temporal got is an activity task's in the history.
      settings: { retry: { maxAttempts: 1 }, timeoutMs: 20_000, activityMode: 'regular' as const },
    });
    const run = await waitForRun(
      await startRun(
        await publishWorkflow('rate limited', {
          nodes: [{ id: 'start', type: 'trigger.manual' }, node('a'), node('b'), node('c')],
          edges: [
            { source: 'start', target: 'a' },
            { source: 'a', target: 'b' },
            { source: 'b', target: 'c' },
          ],
        }),
      ),
    );
    expect(server.requests(path)).toHaveLength(2);
    expect(run.nodes.b.status).toBe('SUCCEEDED');
    expect(run.error).toMatchObject({ nodeId: 'c', type: 'CredentialRateLimited' });

    // Temporal was told to retry once the oldest request leaves the minute's window.
    const history = await (await temporalClient()).workflow.getHandle(run.id).fetchHistory();
    const failures = (history.events ?? []).flatMap((event) =>
      event.activityTaskFailedEventAttributes?.failure ? [event.activityTaskFailedEventAttributes.failure] : [],
    );
    expect(failures).toHaveLength(1);
    const delay = failures[0].applicationFailureInfo!.nextRetryDelay!;
    const delayMs = Number(delay.seconds ?? 0) * 1000 + (delay.nanos ?? 0) / 1e6;
    expect(delayMs).toBeGreaterThan(0);
    expect(delayMs).toBeLessThanOrEqual(60_000);
    expect(await attemptsOf(run.id, 'c')).toEqual([
      {
        attempt: 1,
        status: 'FAILED',
        error: `Rate limit of credential "${name}" reached (2 requests per minute); retrying after ${Math.ceil(delayMs / 1000)} s`,
      },
    ]);
  });
});

describe('credential rate limit waits', () => {
  it('holds a request within its attempt until a slot frees, and then makes it', async () => {
    const credentialId = await bearerCredential(`waiting ${randomUUID().slice(0, 8)}`, { requestsPerMinute: 2 });
    const path = `/waiting-${credentialId}`;
    server.on(path, () => ({ json: { ok: true } }));
    // The minute's two slots were taken 58 s ago, by other runs: the next frees in about 2 s.
    const takenAt = Date.now() - 58_000;
    await redis().zadd(`rate:credential:${credentialId}`, takenAt, 'earlier-1', takenAt, 'earlier-2');
    const run = await waitForRun(
      await startRun(
        await publishWorkflow('rate limit wait', {
          nodes: [
            { id: 'start', type: 'trigger.manual' },
            {
              id: 'call',
              type: 'http.request',
              config: { url: `${base}${path}`, auth: { type: 'credential', credentialId } },
              settings: { retry: { maxAttempts: 1 } },
            },
          ],
          edges: [{ source: 'start', target: 'call' }],
        }),
      ),
    );
    expect(run.status).toBe('SUCCEEDED');
    expect(server.requests(path)).toHaveLength(1);
    expect(await attemptsOf(run.id, 'call')).toEqual([{ attempt: 1, status: 'SUCCEEDED', error: null }]);
  });
});

describe('credential circuit API', () => {
  let viewerKey = '';
  beforeAll(async () => {
    const response = await apiFetch('/api/api-keys', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'circuit viewer', role: 'VIEWER' }),
    });
    viewerKey = (await response.json()).key;
  });

  it('shows the breaker with its settings, and lets an admin reset it, audited', async () => {
    const credentialId = await bearerCredential(`api ${randomUUID().slice(0, 8)}`, {
      breakerFailures: 1,
      breakerCooldownSeconds: 3600,
    });
    const fresh = await apiFetch(`/api/credentials/${credentialId}/circuit`);
    expect({ status: fresh.status, json: await fresh.json() }).toEqual({
      status: 200,
      json: {
        state: 'closed',
        consecutiveFailures: 0,
        lastError: null,
        openUntil: null,
        failureThreshold: 1,
        cooldownSeconds: 3600,
      },
    });
    const openedAt = Date.now();
    await recordCircuitOutcome(
      credentialId,
      { threshold: 1, cooldownMs: 3_600_000 },
      { kind: 'fault', error: 'HTTP 503' },
      openedAt,
    );
    const open = {
      state: 'open',
      consecutiveFailures: 1,
      lastError: 'HTTP 503',
      openUntil: new Date(openedAt + 3_600_000).toISOString(),
      failureThreshold: 1,
      cooldownSeconds: 3600,
    };
    expect(await (await apiFetch(`/api/credentials/${credentialId}/circuit`)).json()).toEqual(open);

    const viewer = { authorization: `Bearer ${viewerKey}` };
    const viewed = await apiFetch(`/api/credentials/${credentialId}/circuit`, { headers: viewer });
    expect({ status: viewed.status, json: await viewed.json() }).toEqual({ status: 200, json: open });
    const refused = await apiFetch(`/api/credentials/${credentialId}/circuit`, { method: 'DELETE', headers: viewer });
    expect({ status: refused.status, json: await refused.json() }).toEqual({
      status: 403,
      json: { error: { code: 'forbidden', message: 'Your role (VIEWER) may not credential reset' } },
    });

    const reset = await apiFetch(`/api/credentials/${credentialId}/circuit`, { method: 'DELETE' });
    expect({ status: reset.status, json: await reset.json() }).toEqual({
      status: 200,
      json: { ...open, state: 'closed', consecutiveFailures: 0, lastError: null, openUntil: null },
    });
    const audit = await db().auditEvent.findMany({
      where: { targetId: credentialId, action: 'credential.circuit_reset' },
    });
    expect(audit.map((event) => event.data)).toEqual([{ state: 'open', consecutiveFailures: 1 }]);
  });

  it('answers 404 for a credential the org does not have', async () => {
    const missing = randomUUID();
    const response = await apiFetch(`/api/credentials/${missing}/circuit`);
    expect({ status: response.status, json: await response.json() }).toEqual({
      status: 404,
      json: { error: { code: 'not_found', message: `Credential ${missing} does not exist in this organization` } },
    });
  });

  it('refuses limits out of range, naming the field', async () => {
    const credentialId = await bearerCredential(`bad ${randomUUID().slice(0, 8)}`, {});
    const response = await apiFetch(`/api/credentials/${credentialId}`, {
      method: 'PATCH',
      headers: json,
      body: JSON.stringify({ limits: { requestsPerMinute: 0 } }),
    });
    expect({ status: response.status, json: await response.json() }).toEqual({
      status: 400,
      json: {
        error: {
          code: 'invalid_request',
          message: 'limits.requestsPerMinute: must be at least 1',
          details: [{ path: 'limits.requestsPerMinute', message: 'must be at least 1' }],
        },
      },
    });
  });
});
