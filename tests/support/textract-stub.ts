import { createHash, createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { STUB_HOST } from './test-server';
import { invoiceBlocks } from './textract-blocks';

export interface TextractCall {
  /** The operation, from `X-Amz-Target: Textract.<operation>`. */
  operation: string;
  body: Record<string, unknown>;
}

/** How an asynchronous job answers each GetDocumentAnalysis, in turn; the last one repeats. */
export type JobStep = 'IN_PROGRESS' | 'SUCCEEDED' | { status: 'FAILED'; message: string };

type ScriptedError = { status: number; type: string; message: string };

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/**
 * A stand-in for AWS Textract as `@aws-sdk/client-textract` speaks to it: the AWS JSON 1.1
 * protocol (`POST /`, `X-Amz-Target: Textract.AnalyzeDocument`, `application/x-amz-json-1.1`),
 * each request's SigV4 signature checked against the one access key it knows, errors as
 * `{ __type, message }` with `X-Amzn-ErrorType`. AnalyzeDocument answers the blocks of a one-page
 * invoice; jobs run through the steps a test scripts, their results split over two pages of
 * GetDocumentAnalysis (NextToken).
 */
export class TextractStub {
  readonly calls: TextractCall[] = [];
  /** Per job id, the steps still to answer. */
  private readonly jobs = new Map<string, JobStep[]>();
  private jobSteps: JobStep[] = ['SUCCEEDED'];
  private readonly failures: (ScriptedError & { operation: string })[] = [];
  private server?: http.Server;
  private sequence = 0;

  constructor(private readonly key: { accessKeyId: string; secretAccessKey: string; region: string }) {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => this.answer(req, res, Buffer.concat(chunks)));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, STUB_HOST, resolve));
    return `http://${STUB_HOST}:${(this.server.address() as AddressInfo).port}`;
  }

  async stop() {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** The steps the next started jobs go through. */
  scriptJobs(steps: JobStep[]) {
    this.jobSteps = steps;
  }

  /** The next call of `operation` is answered with this error. */
  failNext(operation: string, error: ScriptedError) {
    this.failures.push({ operation, ...error });
  }

  count(operation: string) {
    return this.calls.filter((call) => call.operation === operation).length;
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer) {
    const reply = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': `req-${++this.sequence}`,
        ...headers,
      });
      res.end(JSON.stringify(json));
    };
    const error = (status: number, type: string, message: string) =>
      reply(status, { __type: type, message }, { 'x-amzn-errortype': type });
    const target = String(req.headers['x-amz-target'] ?? '');
    if (req.method !== 'POST' || req.url !== '/' || !target.startsWith('Textract.')) {
      return error(400, 'UnknownOperationException', `no such operation: ${req.method} ${req.url} ${target}`);
    }
    if (req.headers['content-type'] !== 'application/x-amz-json-1.1') {
      return error(400, 'SerializationException', `content-type ${req.headers['content-type']} is not AWS JSON 1.1`);
    }
    const refusal = this.checkSignature(req, raw);
    if (refusal) return error(400, refusal.type, refusal.message);
    const operation = target.slice('Textract.'.length);
    const body = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
    this.calls.push({ operation, body });
    const failure = this.failures.findIndex((scripted) => scripted.operation === operation);
    if (failure >= 0) {
      const [scripted] = this.failures.splice(failure, 1);
      return error(scripted.status, scripted.type, scripted.message);
    }
    switch (operation) {
      case 'AnalyzeDocument': {
        const document = body.Document as { Bytes?: string; S3Object?: unknown } | undefined;
        if (!document?.Bytes && !document?.S3Object) {
          return error(400, 'InvalidParameterException', 'Request has invalid parameters');
        }
        return reply(200, {
          DocumentMetadata: { Pages: 1 },
          Blocks: invoiceBlocks(),
          AnalyzeDocumentModelVersion: '1.0',
        });
      }
      case 'StartDocumentAnalysis': {
        const jobId = `job-${String(++this.sequence).padStart(4, '0')}`;
        this.jobs.set(jobId, [...this.jobSteps]);
        return reply(200, { JobId: jobId });
      }
      case 'GetDocumentAnalysis':
        return this.getAnalysis(body, reply, error);
      default:
        return error(400, 'UnknownOperationException', `Textract has no operation ${operation}`);
    }
  }

  private getAnalysis(
    body: Record<string, unknown>,
    reply: (status: number, json: unknown) => void,
    error: (status: number, type: string, message: string) => void,
  ) {
    const steps = this.jobs.get(String(body.JobId));
    if (!steps) return error(400, 'InvalidJobIdException', 'An invalid job identifier was passed.');
    const metadata = { DocumentMetadata: { Pages: 2 } };
    if (body.NextToken === 'page-2') {
      return reply(200, { ...metadata, JobStatus: 'SUCCEEDED', Blocks: invoiceBlocks(2) });
    }
    const step = steps.length > 1 ? steps.shift()! : steps[0];
    if (step === 'IN_PROGRESS') return reply(200, { JobStatus: 'IN_PROGRESS' });
    if (step === 'SUCCEEDED') {
      return reply(200, { ...metadata, JobStatus: 'SUCCEEDED', Blocks: invoiceBlocks(1), NextToken: 'page-2' });
    }
    return reply(200, { JobStatus: 'FAILED', StatusMessage: step.message });
  }

  /** Checks SigV4 as AWS does: the key id, the scope, then the signature over the canonical request. */
  private checkSignature(req: http.IncomingMessage, raw: Buffer): { type: string; message: string } | undefined {
    const authorization = String(req.headers.authorization ?? '');
    const match =
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
        authorization,
      );
    if (!match) return { type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' };
    const [, keyId, date, region, service, signedHeaders, signature] = match;
    if (keyId !== this.key.accessKeyId) {
      return { type: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' };
    }
    if (region !== this.key.region || service !== 'textract') {
      return {
        type: 'InvalidSignatureException',
        message: `Credential should be scoped to a valid region and service textract, not ${region}/${service}`,
      };
    }
    const amzDate = String(req.headers['x-amz-date'] ?? '');
    const canonicalHeaders = signedHeaders
      .split(';')
      .map(
        (name) =>
          `${name}:${String(req.headers[name] ?? '')
            .trim()
            .replace(/\s+/g, ' ')}\n`,
      )
      .join('');
    const canonicalRequest = [req.method, '/', '', canonicalHeaders, signedHeaders, sha256(raw)].join('\n');
    const scope = `${date}/${region}/${service}/aws4_request`;
    const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
    let signingKey = hmac(`AWS4${this.key.secretAccessKey}`, date);
    for (const part of [region, service, 'aws4_request']) signingKey = hmac(signingKey, part);
    if (createHmac('sha256', signingKey).update(stringToSign).digest('hex') !== signature) {
      return {
        type: 'InvalidSignatureException',
        message: 'The request signature we calculated does not match the signature you provided.',
      };
    }
    return undefined;
  }
}
