import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { storeCredential } from '@/lib/vault/credentials';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import { apiFetch, ownerOrg } from '../support/api';
import { TextractStub } from '../support/textract-stub';
import { invoiceOcr } from '../support/textract-blocks';
import { expectSecretNowhere } from '../support/secret-exposure';

const key = { accessKeyId: 'AKIAPLATFORMTEST01', secretAccessKey: `secret-${randomUUID()}`, region: 'eu-central-1' };
const textract = new TextractStub(key);
let credentialId = '';

beforeAll(async () => {
  const endpoint = await textract.start();
  credentialId = await storeCredential(ownerOrg(), {
    name: `aws ${randomUUID().slice(0, 6)}`,
    type: 'aws',
    value: { ...key, endpoint },
  });
});
afterAll(() => textract.stop());

async function runOcr(config: Record<string, unknown>) {
  const workflowId = await publishWorkflow('ocr', {
    nodes: [
      { id: 'start', type: 'trigger.manual' },
      {
        id: 'ocr',
        type: 'ocr.textract',
        config: { credentialId, pollIntervalMs: 1, ...config },
        settings: { retry: { maxAttempts: 3, initialIntervalMs: 10 } },
      },
      { id: 'out', type: 'flow.output', config: { value: '{{ nodes.ocr.output }}' } },
    ],
    edges: [
      { source: 'start', target: 'ocr' },
      { source: 'ocr', target: 'out' },
    ],
  });
  return waitForRun(await startRun(workflowId));
}

const invoiceText = 'ACME Corp\nInvoice number: INV-42\nTotal 1234.50 EUR';

describe('ocr.textract', () => {
  it('reads an uploaded file with AnalyzeDocument and outputs its text, lines, fields and tables', async () => {
    const bytes = Buffer.from('\x89PNG\r\n\x1a\n a scanned invoice');
    const uploaded = await apiFetch('/api/files', {
      method: 'POST',
      headers: { 'content-type': 'image/png', 'x-file-name': 'invoice.png' },
      body: bytes,
    });
    expect(uploaded.status).toBe(201);
    const file = await uploaded.json();
    const before = textract.calls.length;

    const run = await runOcr({ source: 'file', fileId: file.id });
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toEqual({ text: invoiceText, pages: 1, ...invoiceOcr() });
    expect(textract.calls.slice(before)).toEqual([
      {
        operation: 'AnalyzeDocument',
        body: { Document: { Bytes: bytes.toString('base64') }, FeatureTypes: ['FORMS', 'TABLES'] },
      },
    ]);
    await expectSecretNowhere(key.secretAccessKey, [run.id]);
  });

  it('runs a multi-page PDF in S3 as a job, resuming the heartbeated job after a failed attempt', async () => {
    textract.scriptJobs(['IN_PROGRESS', 'IN_PROGRESS', 'SUCCEEDED']);
    // The first attempt starts the job and heartbeats its id, then its first poll meets a server
    // error: the second attempt polls the same job on.
    textract.failNext('GetDocumentAnalysis', { status: 500, type: 'InternalServerError', message: 'Internal error' });
    const starts = textract.count('StartDocumentAnalysis');
    const run = await runOcr({ source: 's3', bucket: 'invoices', key: 'scans/march.pdf' });
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output.pages).toBe(2);
    expect(run.output.keyValues).toEqual([...invoiceOcr(1).keyValues, ...invoiceOcr(2).keyValues]);
    expect(textract.count('StartDocumentAnalysis')).toBe(starts + 1);
    expect(run.nodes.ocr).toMatchObject({ status: 'SUCCEEDED', attempts: 2 });
  });

  it("fails without retrying when the job FAILED, naming Textract's message", async () => {
    textract.scriptJobs([{ status: 'FAILED', message: 'The document is password protected' }]);
    const run = await runOcr({ source: 's3', bucket: 'invoices', key: 'locked.pdf' });
    expect(run.status).toBe('FAILED');
    expect(run.nodes.ocr).toMatchObject({ status: 'FAILED', attempts: 1 });
    const jobId = run.nodes.ocr.error.details.jobId as string;
    expect(run.nodes.ocr.error).toEqual({
      type: 'TextractJobFailed',
      message: `Textract job ${jobId} FAILED: The document is password protected`,
      details: { jobId },
    });
  });

  it('fails at once on a file the org does not have', async () => {
    const fileId = randomUUID();
    const run = await runOcr({ source: 'file', fileId });
    expect(run.nodes.ocr).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(run.nodes.ocr.error).toEqual({
      type: 'FileNotFound',
      message: `fileId: file ${fileId} was not found in this org: upload it with POST /api/files`,
    });
  });

  it('refuses an endpoint the outbound guard blocks', async () => {
    const webPort = new URL(inject('platform').webUrl).port;
    const loopback = await storeCredential(ownerOrg(), {
      name: `loopback aws ${randomUUID().slice(0, 6)}`,
      type: 'aws',
      value: { ...key, endpoint: `http://127.0.0.1:${webPort}` },
    });
    const run = await runOcr({ credentialId: loopback, source: 's3', bucket: 'invoices', key: 'a.png' });
    expect(run.nodes.ocr).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(run.nodes.ocr.error).toEqual({
      type: 'OutboundBlocked',
      message:
        'Textract AnalyzeDocument: Outbound request to 127.0.0.1 blocked: 127.0.0.1 is a loopback address. An org admin can allow private hosts under Settings → Network; loopback and metadata addresses only the deployment can open (see OUTBOUND_ALLOWED_TARGETS)',
    });
  });

  it('tests the credential against Textract', async () => {
    const response = await apiFetch(`/api/credentials/${credentialId}/test`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, message: 'Textract in eu-central-1 accepted the key' });
  });
});
