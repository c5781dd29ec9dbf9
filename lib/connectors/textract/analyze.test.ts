import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundFetch } from '../../outbound/outbound-fetch';
import { defaultOutboundPolicy, outboundPolicy, type OutboundPolicy } from '../../outbound/policy';
import { NodeFailure, type NodeLogEntry } from '../define-node';
import { TextractStub } from '../../../tests/support/textract-stub';
import { invoiceOcr } from '../../../tests/support/textract-blocks';
import { analyzeDocument, analyzeDocumentAsync, textractClient, type TextractJob } from './analyze';
import { testAwsCredential } from './test-connection';

const key = { accessKeyId: 'AKIAUNITTEST0001', secretAccessKey: 'unit-secret-access-key', region: 'eu-west-1' };
const stub = new TextractStub(key);
let endpoint = '';
const loopbackAllowed: OutboundPolicy = { ...outboundPolicy(), allowLoopback: true };
const signal = new AbortController().signal;

const io = (policy = loopbackAllowed) => ({
  guardedFetch: (url: string, request = {}) => outboundFetch(url, request, policy),
  signal,
});
const client = (overrides: Partial<typeof key> = {}, policy?: OutboundPolicy) =>
  textractClient({ ...key, endpoint, ...overrides }, io(policy));

beforeAll(async () => {
  endpoint = await stub.start();
});
afterAll(() => stub.stop());

async function failureOf(promise: Promise<unknown>): Promise<NodeFailure> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(NodeFailure);
  return error as NodeFailure;
}

function asyncRun(overrides: { job?: TextractJob; timeoutMs?: number } = {}) {
  const jobs: TextractJob[] = [];
  const logs: NodeLogEntry[] = [];
  const result = analyzeDocumentAsync(client(), {
    s3: { bucket: 'invoices', key: 'march.pdf' },
    job: overrides.job,
    onJob: (job) => jobs.push(job),
    timeoutMs: overrides.timeoutMs ?? 60_000,
    pollIntervalMs: 1,
    clientRequestToken: 'run-1_ocr',
    signal,
    log: (entry) => logs.push(entry),
  });
  return { result, jobs, logs };
}

describe('Textract through the outbound guard', () => {
  it('analyzes a document sent inline, signed, as FORMS and TABLES, normalised', async () => {
    const before = stub.calls.length;
    const output = await analyzeDocument(client(), { Bytes: new TextEncoder().encode('%PDF-1.7 one page') }, signal);
    expect(output).toEqual({ text: 'ACME Corp\nInvoice number: INV-42\nTotal 1234.50 EUR', pages: 1, ...invoiceOcr() });
    expect(stub.calls.slice(before)).toEqual([
      {
        operation: 'AnalyzeDocument',
        body: {
          Document: { Bytes: Buffer.from('%PDF-1.7 one page').toString('base64') },
          FeatureTypes: ['FORMS', 'TABLES'],
        },
      },
    ]);
  });

  it('starts a job, polls it while IN_PROGRESS, and reads every page of its result', async () => {
    stub.scriptJobs(['IN_PROGRESS', 'IN_PROGRESS', 'SUCCEEDED']);
    const before = stub.calls.length;
    const { result, jobs, logs } = asyncRun();
    const output = await result;
    expect(output.pages).toBe(2);
    expect(output.lines.map((line) => line.page)).toEqual([1, 1, 1, 2, 2, 2]);
    expect(output.tables).toEqual([...invoiceOcr(1).tables, ...invoiceOcr(2).tables]);
    const calls = stub.calls.slice(before);
    expect(calls.map((call) => call.operation)).toEqual([
      'StartDocumentAnalysis',
      'GetDocumentAnalysis',
      'GetDocumentAnalysis',
      'GetDocumentAnalysis',
      'GetDocumentAnalysis',
    ]);
    expect(calls[0].body).toEqual({
      DocumentLocation: { S3Object: { Bucket: 'invoices', Name: 'march.pdf' } },
      FeatureTypes: ['FORMS', 'TABLES'],
      ClientRequestToken: 'run-1_ocr',
    });
    expect(calls.at(-1)!.body).toEqual({ JobId: jobs[0].jobId, NextToken: 'page-2' });
    expect(jobs).toHaveLength(1);
    expect(logs[0]).toEqual({
      level: 'INFO',
      message: `Textract job ${jobs[0].jobId} started for s3://invoices/march.pdf`,
    });
  });

  it('resumes the job a previous attempt heartbeated instead of starting another', async () => {
    stub.scriptJobs(['IN_PROGRESS', 'SUCCEEDED']);
    const first = asyncRun({ timeoutMs: 60_000 });
    await first.result;
    stub.scriptJobs(['SUCCEEDED']);
    const starts = stub.count('StartDocumentAnalysis');
    const resumed = asyncRun({ job: first.jobs[0] });
    expect((await resumed.result).pages).toBe(2);
    expect(stub.count('StartDocumentAnalysis')).toBe(starts);
    expect(resumed.jobs).toEqual([first.jobs[0]]);
    expect(resumed.logs[0]).toEqual({
      level: 'INFO',
      message: `Textract job ${first.jobs[0].jobId} resumed: polling it again`,
    });
  });

  it("fails without retrying when the job FAILED, naming Textract's message", async () => {
    stub.scriptJobs(['IN_PROGRESS', { status: 'FAILED', message: 'Unable to read the document: it is encrypted' }]);
    const { result, jobs } = asyncRun();
    const failure = await failureOf(result);
    expect(failure.message).toBe(`Textract job ${jobs[0].jobId} FAILED: Unable to read the document: it is encrypted`);
    expect(failure.options).toEqual({
      type: 'TextractJobFailed',
      nonRetryable: true,
      details: { jobId: jobs[0].jobId },
    });
  });

  it('fails as a timeout when the job is still IN_PROGRESS past the timeout, counted from its start', async () => {
    stub.scriptJobs(['IN_PROGRESS']);
    const first = asyncRun({ timeoutMs: 1 });
    const timedOut = await failureOf(first.result);
    const [job] = first.jobs;
    expect(timedOut.message).toBe(`Textract job ${job.jobId} was still IN_PROGRESS after the node's timeout of 1 ms`);
    expect(timedOut.options).toEqual({ type: 'TextractTimeout', nonRetryable: true, details: { jobId: job.jobId } });
    // The same job, resumed by an attempt that began long after the job did: one poll, then the verdict.
    const polls = stub.count('GetDocumentAnalysis');
    const late = asyncRun({ job: { jobId: job.jobId, startedAt: job.startedAt - 5_000 }, timeoutMs: 5_000 });
    expect((await failureOf(late.result)).message).toBe(
      `Textract job ${job.jobId} was still IN_PROGRESS after the node's timeout of 5000 ms`,
    );
    expect(stub.count('GetDocumentAnalysis')).toBe(polls + 1);
  });

  it('tells final refusals from throttling', async () => {
    stub.failNext('AnalyzeDocument', { status: 400, type: 'AccessDeniedException', message: 'User is not authorized' });
    const denied = await failureOf(analyzeDocument(client(), { Bytes: new Uint8Array([1]) }, signal));
    expect(denied.message).toBe('Textract AnalyzeDocument failed: AccessDeniedException: User is not authorized');
    expect(denied.options).toEqual({
      type: 'TextractRefused',
      nonRetryable: true,
      details: { code: 'AccessDeniedException' },
    });

    stub.failNext('AnalyzeDocument', {
      status: 400,
      type: 'InvalidParameterException',
      message: 'Request has invalid parameters',
    });
    expect(
      (await failureOf(analyzeDocument(client(), { Bytes: new Uint8Array([1]) }, signal))).options.nonRetryable,
    ).toBe(true);

    stub.failNext('AnalyzeDocument', {
      status: 400,
      type: 'UnsupportedDocumentException',
      message: 'Request has unsupported document format',
    });
    expect((await failureOf(analyzeDocument(client(), { Bytes: new Uint8Array([1]) }, signal))).message).toBe(
      'Textract AnalyzeDocument failed: UnsupportedDocumentException: Request has unsupported document format (a multi-page PDF needs an S3 source: Textract reads those asynchronously)',
    );

    stub.failNext('AnalyzeDocument', { status: 400, type: 'ThrottlingException', message: 'Slow down' });
    const throttled = await failureOf(analyzeDocument(client(), { Bytes: new Uint8Array([1]) }, signal));
    expect(throttled.message).toBe('Textract AnalyzeDocument failed: ThrottlingException: Slow down');
    expect(throttled.options).toEqual({ type: 'TextractThrottled', details: { code: 'ThrottlingException' } });

    stub.failNext('GetDocumentAnalysis', { status: 500, type: 'InternalServerError', message: 'Internal error' });
    stub.scriptJobs(['SUCCEEDED']);
    const broken = await failureOf(asyncRun().result);
    expect(broken.options).toEqual({ type: 'TextractError', details: { code: 'InternalServerError', status: 500 } });
  });

  it('is refused by Textract with a wrong secret, which the stub checks in the signature', async () => {
    const failure = await failureOf(
      analyzeDocument(client({ secretAccessKey: 'not-the-secret' }), { Bytes: new Uint8Array([1]) }, signal),
    );
    expect(failure.message).toBe(
      'Textract AnalyzeDocument failed: InvalidSignatureException: The request signature we calculated does not match the signature you provided.',
    );
    expect(failure.options.nonRetryable).toBe(true);
  });

  it('refuses a private endpoint through the outbound guard', async () => {
    const failure = await failureOf(
      analyzeDocument(client({}, defaultOutboundPolicy()), { Bytes: new Uint8Array([1]) }, signal),
    );
    expect(failure.message).toBe(
      'Textract AnalyzeDocument: Outbound request to 127.0.0.2 blocked: 127.0.0.2 is a loopback address. An org admin can allow private hosts under Settings → Network; loopback and metadata addresses only the deployment can open (see OUTBOUND_ALLOWED_TARGETS)',
    );
    expect(failure.options).toEqual({ type: 'OutboundBlocked', nonRetryable: true });
  });

  it('tests a key by asking for a job that does not exist', async () => {
    const { guardedFetch } = io();
    expect(await testAwsCredential({ ...key, endpoint }, guardedFetch, 5_000)).toEqual({
      ok: true,
      message: 'Textract in eu-west-1 accepted the key',
    });
    expect(
      await testAwsCredential({ ...key, endpoint, accessKeyId: 'AKIAUNKNOWNKEY0001' }, guardedFetch, 5_000),
    ).toEqual({
      ok: false,
      message:
        'Textract refused the key: UnrecognizedClientException: The security token included in the request is invalid.',
    });
  });
});
