import { setTimeout as sleep } from 'node:timers/promises';
import {
  AnalyzeDocumentCommand,
  GetDocumentAnalysisCommand,
  StartDocumentAnalysisCommand,
  TextractClient,
  type Document,
  type GetDocumentAnalysisCommandOutput,
} from '@aws-sdk/client-textract';
import { NodeFailure, type ActivityContext } from '../define-node';
import { findOutboundBlocked } from '../../outbound/outbound-blocked';
import { guardedHttpHandler } from './guarded-http-handler';
import { normaliseBlocks, type OcrOutput, type TextractBlock } from './normalise';

const FEATURES = ['FORMS', 'TABLES'] as const;

export interface AwsKey {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  endpoint?: string;
}

export interface S3Location {
  bucket: string;
  key: string;
  version?: string;
}

/** What an asynchronous attempt heartbeats, so the next attempt polls the same job. */
export interface TextractJob {
  jobId: string;
  /** When the job was started (ms since the epoch): the node's timeout counts from here. */
  startedAt: number;
}

type Io = Pick<ActivityContext<unknown>, 'guardedFetch' | 'signal'>;

/** A Textract client whose every request goes through the outbound guard and is never retried by the SDK. */
export function textractClient(key: AwsKey, io: Io): TextractClient {
  return new TextractClient({
    region: key.region,
    ...(key.endpoint ? { endpoint: key.endpoint } : {}),
    credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey },
    requestHandler: guardedHttpHandler(io),
    // Retries belong to the node's retry policy, which sees what each attempt did.
    maxAttempts: 1,
  });
}

// Refusals that another attempt would meet again: a wrong key, a bad document, a bad request.
const FINAL = new Set([
  'AccessDeniedException',
  'BadDocumentException',
  'DocumentTooLargeException',
  'IdempotentParameterMismatchException',
  'InvalidJobIdException',
  'InvalidKMSKeyException',
  'InvalidParameterException',
  'InvalidS3ObjectException',
  'InvalidSignatureException',
  'UnrecognizedClientException',
  'UnsupportedDocumentException',
  'ValidationException',
]);
// Textract's own words for "not now": another attempt, after the retry policy's wait, may pass.
const BUSY = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'LimitExceededException',
  'ServiceQuotaExceededException',
]);

/** A Textract or transport error as the node reports it: the operation, Textract's code and message. */
export function textractFailure(operation: string, error: unknown): NodeFailure {
  if (error instanceof NodeFailure) return error;
  const blocked = findOutboundBlocked(error);
  if (blocked)
    return new NodeFailure(`Textract ${operation}: ${blocked.message}`, {
      type: 'OutboundBlocked',
      nonRetryable: true,
    });
  const { name, message } = error as { name?: string; message?: string };
  const code = name ?? 'Error';
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const hint =
    code === 'UnsupportedDocumentException' && operation === 'AnalyzeDocument'
      ? ' (a multi-page PDF needs an S3 source: Textract reads those asynchronously)'
      : '';
  const text = `Textract ${operation} failed: ${code}: ${message ?? 'no message'}${hint}`;
  if (FINAL.has(code)) return new NodeFailure(text, { type: 'TextractRefused', nonRetryable: true, details: { code } });
  if (BUSY.has(code)) return new NodeFailure(text, { type: 'TextractThrottled', details: { code } });
  return new NodeFailure(text, { type: 'TextractError', details: { code, ...(status ? { status } : {}) } });
}

/** AnalyzeDocument: images and single-page documents, answered at once. */
export async function analyzeDocument(
  client: TextractClient,
  document: Document,
  signal: AbortSignal,
): Promise<OcrOutput> {
  try {
    const result = await client.send(new AnalyzeDocumentCommand({ Document: document, FeatureTypes: [...FEATURES] }), {
      abortSignal: signal,
    });
    return normaliseBlocks((result.Blocks ?? []) as TextractBlock[], result.DocumentMetadata?.Pages);
  } catch (error) {
    throw textractFailure('AnalyzeDocument', error);
  }
}

export interface AsyncAnalysis {
  s3: S3Location;
  /** The job an earlier attempt started, from its heartbeat: polled, not started again. */
  job?: TextractJob;
  /** Told the job as soon as it is known, so the attempt can heartbeat it. */
  onJob(job: TextractJob): void;
  timeoutMs: number;
  pollIntervalMs: number;
  /** The same on every attempt of the node, so Textract answers a repeated start with the same job. */
  clientRequestToken: string;
  signal: AbortSignal;
  log: ActivityContext<unknown>['log'];
}

/**
 * StartDocumentAnalysis, then GetDocumentAnalysis every `pollIntervalMs` until the job ends,
 * then every page of its blocks. A job still running `timeoutMs` after it started fails the node.
 */
export async function analyzeDocumentAsync(client: TextractClient, analysis: AsyncAnalysis): Promise<OcrOutput> {
  const { s3, signal } = analysis;
  let job = analysis.job;
  if (!job) {
    try {
      const started = await client.send(
        new StartDocumentAnalysisCommand({
          DocumentLocation: {
            S3Object: { Bucket: s3.bucket, Name: s3.key, ...(s3.version ? { Version: s3.version } : {}) },
          },
          FeatureTypes: [...FEATURES],
          ClientRequestToken: analysis.clientRequestToken,
        }),
        { abortSignal: signal },
      );
      if (!started.JobId) throw new Error('StartDocumentAnalysis answered without a JobId');
      job = { jobId: started.JobId, startedAt: Date.now() };
    } catch (error) {
      throw textractFailure('StartDocumentAnalysis', error);
    }
    analysis.log({ level: 'INFO', message: `Textract job ${job.jobId} started for s3://${s3.bucket}/${s3.key}` });
  } else {
    analysis.log({ level: 'INFO', message: `Textract job ${job.jobId} resumed: polling it again` });
  }
  analysis.onJob(job);

  const get = async (nextToken?: string): Promise<GetDocumentAnalysisCommandOutput> => {
    try {
      return await client.send(
        new GetDocumentAnalysisCommand({ JobId: job.jobId, ...(nextToken ? { NextToken: nextToken } : {}) }),
        { abortSignal: signal },
      );
    } catch (error) {
      throw textractFailure('GetDocumentAnalysis', error);
    }
  };

  let page = await get();
  while (page.JobStatus === 'IN_PROGRESS') {
    if (Date.now() - job.startedAt >= analysis.timeoutMs) {
      throw new NodeFailure(
        `Textract job ${job.jobId} was still IN_PROGRESS after the node's timeout of ${analysis.timeoutMs} ms`,
        { type: 'TextractTimeout', nonRetryable: true, details: { jobId: job.jobId } },
      );
    }
    await sleep(analysis.pollIntervalMs, undefined, { signal });
    page = await get();
  }
  if (page.JobStatus === 'FAILED') {
    throw new NodeFailure(`Textract job ${job.jobId} FAILED: ${page.StatusMessage ?? 'Textract gave no reason'}`, {
      type: 'TextractJobFailed',
      nonRetryable: true,
      details: { jobId: job.jobId },
    });
  }
  if (page.JobStatus !== 'SUCCEEDED' && page.JobStatus !== 'PARTIAL_SUCCESS') {
    throw new NodeFailure(`Textract job ${job.jobId} ended ${page.JobStatus ?? 'without a status'}`, {
      type: 'TextractError',
    });
  }
  for (const warning of page.Warnings ?? []) {
    analysis.log({
      level: 'WARN',
      message: `Textract: ${warning.ErrorCode} on pages ${(warning.Pages ?? []).join(', ')}`,
    });
  }
  const blocks = [...(page.Blocks ?? [])];
  const pageCount = page.DocumentMetadata?.Pages;
  while (page.NextToken) {
    page = await get(page.NextToken);
    blocks.push(...(page.Blocks ?? []));
  }
  return normaliseBlocks(blocks as TextractBlock[], pageCount);
}
