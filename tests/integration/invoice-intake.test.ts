import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { storeCredential } from '@/lib/vault/credentials';
import { findTemplate } from '@/lib/workflows/templates';
import type { WorkflowDefinitionInput } from '@/lib/definition/schema';
import { api, apiFetch, ownerOrg } from '../support/api';
import { publishWorkflow, waitForRun } from '../support/engine';
import { TextractStub } from '../support/textract-stub';
import { AnthropicStub } from '../support/anthropic-stub';
import { SlackStub } from '../support/slack-stub';
import { SmtpStub } from '../support/smtp-stub';
import { TcpForwarder } from '../support/tcp-forwarder';

// The template from the gallery, run end to end: its webhook called as an outside service would,
// Textract, Anthropic and Slack as local protocol servers, a local SMTP server, and a scratch
// database on the platform's real Postgres (reached through the stand-ins' address).
const suffix = randomUUID().slice(0, 8);
const role = `intake_${suffix}`;
const database = `intake_${suffix}`;
const dbPassword = `pg-${randomUUID()}`;
const awsKey = { accessKeyId: 'AKIAINVOICEINTAKE1', secretAccessKey: `aws-${randomUUID()}`, region: 'eu-west-1' };
const anthropicKey = `sk-ant-${randomUUID()}`;
const slackToken = `xoxb-${randomUUID()}`;
const mailLogin = { user: 'intake-mailer', password: `smtp-${randomUUID()}` };

const textract = new TextractStub(awsKey);
const anthropic = new AnthropicStub({ apiKey: anthropicKey, models: ['claude-sonnet-4-5'] });
const slack = new SlackStub({ token: slackToken, channels: { invoices: 'C0INVOICES' } });
const smtp = new SmtpStub(mailLogin);
let forwarder: TcpForwarder;
let hookPath = '';

const owner = () => new URL(inject('platform').databaseUrl);

async function sql<T extends pg.QueryResultRow>(text: string, asRole = false): Promise<T[]> {
  const client = asRole
    ? new pg.Client({ host: owner().hostname, port: Number(owner().port), database, user: role, password: dbPassword })
    : new pg.Client({ connectionString: inject('platform').databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const invoice = (total: number, invoiceNumber: string) => ({
  vendor: 'ACME Corp',
  invoiceNumber,
  date: '2026-11-30',
  total,
  currency: 'EUR',
  lineItems: [{ description: 'Widgets', quantity: 2, amount: total }],
});

/** Uploads a document, then posts its id to the workflow's webhook; the answer names the run. */
async function submitInvoice(path = hookPath): Promise<string> {
  const upload = await apiFetch('/api/files', {
    method: 'POST',
    headers: { 'content-type': 'image/png', 'x-file-name': 'invoice.png' },
    body: Buffer.from('\x89PNG a scanned invoice'),
  });
  expect(upload.status).toBe(201);
  const { id: fileId } = await upload.json();
  const response = await fetch(api(path), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fileId }),
  });
  expect(response.status).toBe(202);
  return (await response.json()).runId;
}

const decide = (runId: string, decision: 'approved' | 'rejected', comment: string) =>
  apiFetch(`/api/runs/${runId}/approvals/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ decision, comment }),
  });

beforeAll(async () => {
  await sql(`CREATE ROLE ${role} LOGIN PASSWORD '${dbPassword}'`);
  await sql(`CREATE DATABASE ${database} OWNER ${role}`);
  await sql(
    `CREATE TABLE invoices (id serial PRIMARY KEY, vendor text, invoice_number text UNIQUE, invoice_date date,
       total numeric(12, 2), currency text, line_items jsonb)`,
    true,
  );
  forwarder = new TcpForwarder({ host: owner().hostname, port: Number(owner().port) });
  const db = await forwarder.start();
  const [textractUrl, anthropicUrl, slackUrl, mail] = await Promise.all([
    textract.start(),
    anthropic.start(),
    slack.start(),
    smtp.start(),
  ]);
  const org = ownerOrg();
  const credential = (type: string, value: Record<string, unknown>) =>
    storeCredential(org, { name: `intake ${type} ${suffix}`, type: type as never, value });
  const credentials: Record<string, string> = {
    ocr: await credential('aws', { ...awsKey, endpoint: textractUrl }),
    extract: await credential('anthropic', { apiKey: anthropicKey, baseUrl: anthropicUrl }),
    book: await credential('postgres', {
      host: db.host,
      port: db.port,
      database,
      user: role,
      password: dbPassword,
      ssl: 'disable',
    }),
    announce: await credential('slackBot', { token: slackToken, apiUrl: slackUrl }),
    reject: await credential('smtp', { ...mail, security: 'none', ...mailLogin, from: 'Flow <flow@example.test>' }),
  };
  chosenCredentials = credentials;
  hookPath = await publishIntake();
});

let chosenCredentials: Record<string, string> = {};

/**
 * Publishes the template as a person would after "Use template", choosing a credential in each
 * node that names one (and making other `changes` to node configs), and answers its webhook path.
 */
async function publishIntake(changes: Record<string, Record<string, unknown>> = {}): Promise<string> {
  const template = findTemplate('invoice-intake')!.definition;
  const definition: WorkflowDefinitionInput = {
    ...template,
    nodes: template.nodes.map((node) => ({
      ...node,
      config: {
        ...node.config,
        ...(chosenCredentials[node.id] ? { credentialId: chosenCredentials[node.id] } : {}),
        ...changes[node.id],
      },
    })),
  };
  const workflowId = await publishWorkflow(`Invoice intake ${randomUUID().slice(0, 8)}`, definition);
  const hook = await apiFetch(`/api/workflows/${workflowId}/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect(hook.status).toBe(200);
  return (await hook.json()).path;
}

afterAll(async () => {
  await Promise.all([textract.stop(), anthropic.stop(), slack.stop(), smtp.stop(), forwarder?.stop()]);
  await sql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await sql(`DROP ROLE IF EXISTS ${role}`);
});

describe('Invoice intake template', () => {
  it('books a large invoice once it is approved, and tells Slack', async () => {
    anthropic.script({ text: JSON.stringify(invoice(1234.5, 'INV-42')) });
    const runId = await submitInvoice();
    const waiting = await waitForRun(runId, ['WAITING']);
    expect(waiting.waitingApprovals).toEqual(['approve']);
    // The model was given what Textract read.
    const asked = JSON.stringify(anthropic.requests.at(-1)!.body);
    expect(asked).toContain('Invoice number: INV-42');

    expect((await decide(runId, 'approved', 'ok')).status).toBe(200);
    const run = await waitForRun(runId);
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toEqual({ booked: true, invoice: invoice(1234.5, 'INV-42') });
    expect(
      await sql(
        `SELECT vendor, invoice_number, invoice_date::text, total::text, currency, line_items FROM invoices WHERE invoice_number = 'INV-42'`,
        true,
      ),
    ).toEqual([
      {
        vendor: 'ACME Corp',
        invoice_number: 'INV-42',
        invoice_date: '2026-11-30',
        total: '1234.50',
        currency: 'EUR',
        line_items: [{ description: 'Widgets', quantity: 2, amount: 1234.5 }],
      },
    ]);
    expect(slack.messages.at(-1)).toMatchObject({
      channel: 'C0INVOICES',
      text: 'Booked invoice INV-42 from ACME Corp: 1234.5 EUR',
    });
    expect(run.nodes.reject.status).toBe('SKIPPED');
  });

  it('books a small invoice without asking anyone', async () => {
    anthropic.script({ text: JSON.stringify(invoice(99, 'INV-7')) });
    const run = await waitForRun(await submitInvoice());
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toEqual({ booked: true, invoice: invoice(99, 'INV-7') });
    expect(run.nodes.approve.status).toBe('SKIPPED');
    expect(await sql(`SELECT total::text FROM invoices WHERE invoice_number = 'INV-7'`, true)).toEqual([
      { total: '99.00' },
    ]);
  });

  it('emails a rejection and books nothing', async () => {
    anthropic.script({ text: JSON.stringify(invoice(5000, 'INV-99')) });
    const runId = await submitInvoice();
    await waitForRun(runId, ['WAITING']);
    const mails = smtp.received.length;
    expect((await decide(runId, 'rejected', 'not ours')).status).toBe(200);
    const run = await waitForRun(runId);
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toEqual({ booked: false, invoice: invoice(5000, 'INV-99') });
    expect(run.nodes.book.status).toBe('SKIPPED');
    expect(smtp.received).toHaveLength(mails + 1);
    expect(smtp.received.at(-1)!.recipients).toEqual(['accounts@example.com']);
    expect(smtp.received.at(-1)!.raw).toContain('Subject: Invoice INV-99 from ACME Corp was not approved');
    expect(await sql(`SELECT count(*)::int AS n FROM invoices WHERE invoice_number = 'INV-99'`, true)).toEqual([
      { n: 0 },
    ]);
  });

  it('treats an approval nobody gives in time as a rejection', async () => {
    // The template waits three days; this copy of it, a millisecond.
    const impatient = await publishIntake({ approve: { timeoutMs: 1 } });
    anthropic.script({ text: JSON.stringify(invoice(2500, 'INV-100')) });
    const mails = smtp.received.length;
    const run = await waitForRun(await submitInvoice(impatient));
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toEqual({ booked: false, invoice: invoice(2500, 'INV-100') });
    expect(run.nodes.book.status).toBe('SKIPPED');
    expect(smtp.received).toHaveLength(mails + 1);
    expect(smtp.received.at(-1)!.raw).toContain('Subject: Invoice INV-100 from ACME Corp was not approved');
  });
});
