import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { storeCredential } from '@/lib/vault/credentials';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import { ownerOrg } from '../support/api';
import { TcpForwarder } from '../support/tcp-forwarder';
import { expectSecretNowhere } from '../support/secret-exposure';

// A scratch database and role of its own on the platform's Postgres, reached through the
// stand-ins' address (127.0.0.2, which the test platform's outbound policy opens) as an outside
// server would be: 127.0.0.1 itself stays blocked.
const suffix = randomUUID().slice(0, 8);
const role = `actions_${suffix}`;
const database = `actions_${suffix}`;
const password = `pg-canary-${randomUUID()}`;
const owner = () => new URL(inject('platform').databaseUrl);
let forwarder: TcpForwarder;
let target: { host: string; port: number };
let credentialId = '';

async function asOwner(sql: string) {
  const client = new pg.Client({ connectionString: inject('platform').databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await asOwner(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
  await asOwner(`CREATE DATABASE ${database} OWNER ${role}`);
  const scratch = new pg.Client({
    host: owner().hostname,
    port: Number(owner().port),
    database,
    user: role,
    password,
  });
  await scratch.connect();
  await scratch.query(
    `CREATE TABLE invoices (id serial PRIMARY KEY, number text UNIQUE NOT NULL, vendor text, total numeric(10, 2),
       line_items jsonb, status text NOT NULL DEFAULT 'new')`,
  );
  await scratch.end();
  forwarder = new TcpForwarder({ host: owner().hostname, port: Number(owner().port) });
  target = await forwarder.start();
  credentialId = await storeCredential(ownerOrg(), {
    name: `scratch db ${suffix}`,
    type: 'postgres',
    value: { host: target.host, port: target.port, database, user: role, password, ssl: 'disable' },
  });
});

afterAll(async () => {
  await forwarder?.stop();
  await asOwner(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await asOwner(`DROP ROLE IF EXISTS ${role}`);
});

const once = { retry: { maxAttempts: 3, initialIntervalMs: 10 } };

describe('Postgres nodes', () => {
  it('insert, upsert, update and query one table, with values bound as parameters', async () => {
    const workflowId = await publishWorkflow('postgres round trip', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        {
          id: 'insert',
          type: 'postgres.insert',
          config: { credentialId, table: 'public.invoices', rows: '{{ input.invoices }}' },
        },
        {
          id: 'upsert',
          type: 'postgres.upsert',
          config: {
            credentialId,
            table: 'invoices',
            rows: [
              { number: 'A-1', total: 12.5 },
              { number: "B-2'); DROP TABLE invoices; --", total: 1 },
            ],
            conflictColumns: ['number'],
          },
        },
        {
          id: 'update',
          type: 'postgres.update',
          config: { credentialId, table: 'invoices', set: { status: 'booked' }, where: { number: 'A-1' } },
        },
        {
          id: 'query',
          type: 'postgres.query',
          config: {
            credentialId,
            sql: 'SELECT number, vendor, total, line_items, status FROM invoices WHERE total > $1 ORDER BY number',
            params: ['{{ input.minimum }}'],
          },
        },
        {
          id: 'out',
          type: 'flow.output',
          config: {
            value:
              '{{ { "inserted": nodes.insert.output, "upserted": nodes.upsert.output.rowCount, "updated": nodes.update.output, "found": nodes.query.output } }}',
          },
        },
      ],
      edges: [
        { source: 'start', target: 'insert' },
        { source: 'insert', target: 'upsert' },
        { source: 'upsert', target: 'update' },
        { source: 'update', target: 'query' },
        { source: 'query', target: 'out' },
      ],
    });
    const run = await waitForRun(
      await startRun(workflowId, {
        minimum: 5,
        invoices: [{ number: 'A-1', vendor: 'ACME', total: 10.5, line_items: [{ sku: 'bolt', qty: 2 }] }],
      }),
    );
    expect(run.status).toBe('SUCCEEDED');
    const a1 = { number: 'A-1', vendor: 'ACME', line_items: [{ sku: 'bolt', qty: 2 }] };
    expect(run.output).toEqual({
      inserted: { rows: [{ id: 1, ...a1, total: '10.50', status: 'new' }], rowCount: 1 },
      upserted: 2,
      updated: { rows: [{ id: 1, ...a1, total: '12.50', status: 'booked' }], rowCount: 1 },
      found: { rows: [{ ...a1, total: '12.50', status: 'booked' }], rowCount: 1 },
    });
    await expectSecretNowhere(password, [run.id]);
  });

  it('fails a refused login at once, naming the cause, and never records the password', async () => {
    const wrong = `wrong-${randomUUID()}`;
    const badLogin = await storeCredential(ownerOrg(), {
      name: `bad login ${suffix}`,
      type: 'postgres',
      value: { host: target.host, port: target.port, database, user: role, password: wrong, ssl: 'disable' },
    });
    const workflowId = await publishWorkflow('postgres bad login', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'query', type: 'postgres.query', config: { credentialId: badLogin, sql: 'SELECT 1' }, settings: once },
      ],
      edges: [{ source: 'start', target: 'query' }],
    });
    const run = await waitForRun(await startRun(workflowId));
    expect(run.status).toBe('FAILED');
    expect(run.nodes.query).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(run.nodes.query.error).toEqual({
      type: 'PostgresLoginFailed',
      message: `Postgres at ${target.host}:${target.port} refused the login: password authentication failed for user "${role}" (SQLSTATE 28P01): check the credential's user and password`,
      details: { sqlstate: '28P01' },
    });
    await expectSecretNowhere(wrong, [run.id]);
  });

  it('fails on what the server refuses without retrying, and stops a statement at statementTimeoutMs', async () => {
    const workflowId = await publishWorkflow('postgres refusals', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        {
          id: 'missing',
          type: 'postgres.query',
          config: { credentialId, sql: 'SELECT * FROM no_such_table' },
          settings: { ...once, onError: 'continue' as const },
        },
        {
          id: 'duplicate',
          type: 'postgres.insert',
          config: { credentialId, table: 'invoices', rows: [{ number: 'DUP' }, { number: 'DUP' }] },
          settings: { ...once, onError: 'continue' as const },
        },
        {
          id: 'slow',
          type: 'postgres.query',
          config: { credentialId, sql: 'SELECT pg_sleep(30)', statementTimeoutMs: 50 },
          settings: { retry: { maxAttempts: 1 }, onError: 'continue' as const },
        },
      ],
      edges: ['missing', 'duplicate', 'slow'].map((target) => ({ source: 'start', target })),
    });
    const run = await waitForRun(await startRun(workflowId));
    expect(run.status).toBe('SUCCEEDED');
    expect(run.nodes.missing).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(run.nodes.missing.error).toMatchObject({
      type: 'PostgresError',
      message: 'Postgres query failed: relation "no_such_table" does not exist (SQLSTATE 42P01)',
    });
    expect(run.nodes.duplicate).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(run.nodes.duplicate.error).toMatchObject({
      type: 'PostgresError',
      message:
        'Postgres insert failed: duplicate key value violates unique constraint "invoices_number_key" (SQLSTATE 23505). Key (number)=(DUP) already exists.',
    });
    expect(run.nodes.slow.error).toMatchObject({
      type: 'PostgresTimeout',
      message:
        'Postgres query was cancelled after statementTimeoutMs (50 ms): canceling statement due to statement timeout (SQLSTATE 57014)',
    });
  });

  it('refuses a host the outbound guard blocks before connecting', async () => {
    const direct = await storeCredential(ownerOrg(), {
      name: `loopback ${suffix}`,
      type: 'postgres',
      value: { host: '127.0.0.1', port: Number(owner().port), database, user: role, password, ssl: 'disable' },
    });
    const workflowId = await publishWorkflow('postgres loopback', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'query', type: 'postgres.query', config: { credentialId: direct, sql: 'SELECT 1' }, settings: once },
      ],
      edges: [{ source: 'start', target: 'query' }],
    });
    const run = await waitForRun(await startRun(workflowId));
    expect(run.nodes.query).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(run.nodes.query.error).toEqual({
      type: 'OutboundBlocked',
      message: `Postgres at 127.0.0.1:${owner().port}: Outbound request to 127.0.0.1 blocked: 127.0.0.1 is a loopback address. An org admin can allow private hosts under Settings → Network; loopback and metadata addresses only the deployment can open (see OUTBOUND_ALLOWED_TARGETS)`,
    });
  });
});
