import { z } from 'zod';
import { defineNode, NodeFailure, type ActivityContext } from '../define-node';
import { readNodeCredential } from '../node-credential';
import {
  analyzeDocument,
  analyzeDocumentAsync,
  textractClient,
  type S3Location,
  type TextractJob,
} from '../textract/analyze';
import { ocrOutput } from '../textract/normalise';
import { findOutboundBlocked } from '../../outbound/outbound-blocked';
import { FileNotFound, readStoredFile } from '../../files/files';
import { fileStore } from '../../files/file-store';

// What AnalyzeDocument takes as bytes (Textract's limit for a document sent inline).
const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

const text = (field: string) => z.string({ error: `${field} must be text` }).trim();

const job = z.object({ jobId: z.string().min(1), startedAt: z.number() });

export const ocrTextract = defineNode({
  type: 'ocr.textract',
  kind: 'activity',
  category: 'ai',
  label: 'OCR (Textract)',
  description:
    'Reads the text, form fields and tables of a document or image with AWS Textract, from an uploaded file, a URL or an S3 object.',
  icon: 'scan-text',
  config: z
    .object({
      credentialId: z
        .uuid({ error: 'credentialId must be an AWS access key credential id' })
        .meta({ credentialType: 'aws' }),
      source: z
        .enum(['file', 'url', 's3'], { error: 'source must be file, url or s3' })
        .default('file')
        .describe('Where the document is: an uploaded file, a URL, or an object in S3'),
      fileId: text('fileId').optional().describe('With source file: the id POST /api/files answered'),
      url: z
        .url({ protocol: /^https?$/, error: 'url must be an http(s) URL' })
        .optional()
        .describe('With source url: where to download the document'),
      bucket: text('bucket').optional().describe('With source s3: the bucket'),
      key: text('key').optional().describe('With source s3: the object key'),
      version: text('version').optional().describe('With source s3: an object version (optional)'),
      mode: z
        .enum(['auto', 'sync', 'async'], { error: 'mode must be auto, sync or async' })
        .default('auto')
        .describe(
          'sync: AnalyzeDocument, for images and one-page documents. async: a Textract job, for multi-page PDFs; it reads from S3. auto: async for a PDF in S3, sync otherwise',
        ),
      timeoutMs: z
        .number({ error: 'timeoutMs must be a number of milliseconds' })
        .int('timeoutMs must be a whole number of milliseconds')
        .min(1, 'timeoutMs must be at least 1')
        .max(3_600_000, 'timeoutMs may be at most 3600000 (an hour)')
        .default(600_000)
        .describe("How long an async job may run before the node fails; keep the node's own timeout above it"),
      pollIntervalMs: z
        .number({ error: 'pollIntervalMs must be a number of milliseconds' })
        .int('pollIntervalMs must be a whole number of milliseconds')
        .min(1, 'pollIntervalMs must be at least 1')
        .max(60_000, 'pollIntervalMs may be at most 60000 (a minute)')
        .default(5_000)
        .describe('How often an async job is asked whether it is done'),
    })
    .superRefine((config, context) => {
      const need = (field: 'fileId' | 'url' | 'bucket' | 'key', what: string) => {
        if (!config[field]) context.addIssue({ code: 'custom', path: [field], message: `${field} is empty: ${what}` });
      };
      if (config.source === 'file') need('fileId', 'give the id of an uploaded file (POST /api/files)');
      if (config.source === 'url') need('url', 'give the URL of the document');
      if (config.source === 's3') {
        need('bucket', 'give the S3 bucket of the document');
        need('key', 'give the S3 key of the document');
      }
    }),
  output: ocrOutput,
  async execute({ config, run, guardedFetch, signal, log, addSecret, heartbeat, heartbeatDetails, idempotencyKey }) {
    const key = await readNodeCredential(run, config.credentialId, 'aws', addSecret);
    addSecret(key.accessKeyId);
    const client = textractClient(key, { guardedFetch, signal });

    // Where the document is: bytes to send inline, or an S3 object Textract reads itself.
    let bytes: Uint8Array | undefined;
    let s3: S3Location | undefined;
    let isPdf = false;
    if (config.source === 's3') {
      s3 = { bucket: config.bucket!, key: config.key!, version: config.version };
      isPdf = /\.pdf$/i.test(s3.key);
    } else if (config.source === 'file') {
      const file = await readStoredFile(run.orgId, config.fileId!).catch((error: unknown) => {
        throw error instanceof FileNotFound
          ? new NodeFailure(`fileId: ${error.message}: upload it with POST /api/files`, {
              type: 'FileNotFound',
              nonRetryable: true,
            })
          : error;
      });
      isPdf = file.contentType.startsWith('application/pdf');
      const store = fileStore();
      // A file kept in S3 is handed to Textract where it lies, which a multi-page PDF needs.
      if (file.storage === 's3' && store.bucket) s3 = { bucket: store.bucket, key: file.storageKey };
      bytes = file.bytes;
    } else {
      bytes = await download(config.url!, { guardedFetch, signal });
    }

    const mode = config.mode === 'auto' ? (isPdf && s3 ? 'async' : 'sync') : config.mode;
    if (mode === 'sync') {
      const document = bytes
        ? { Bytes: bytes }
        : { S3Object: { Bucket: s3!.bucket, Name: s3!.key, ...(s3!.version ? { Version: s3!.version } : {}) } };
      return analyzeDocument(client, document, signal);
    }
    if (!s3) {
      throw new NodeFailure(
        'mode async reads the document from S3: choose source s3, or keep uploads in S3 (FILES_S3_BUCKET)',
        { type: 'InvalidConfig', nonRetryable: true },
      );
    }
    const previous = job.safeParse(heartbeatDetails);
    return analyzeDocumentAsync(client, {
      s3,
      job: previous.success ? previous.data : undefined,
      onJob: (started: TextractJob) => heartbeat(started),
      timeoutMs: config.timeoutMs,
      pollIntervalMs: config.pollIntervalMs,
      // Textract's idempotency token: letters, digits, - and _, at most 64.
      clientRequestToken: idempotencyKey.replace(/[^\w-]/g, '_').slice(-64),
      signal,
      log,
    });
  },
});

/** The document at a URL, through the outbound guard, within what Textract takes inline. */
async function download(
  url: string,
  { guardedFetch, signal }: Pick<ActivityContext<unknown>, 'guardedFetch' | 'signal'>,
): Promise<Uint8Array> {
  let response;
  try {
    response = await guardedFetch(url, { signal });
  } catch (error) {
    const blocked = findOutboundBlocked(error);
    if (blocked) throw new NodeFailure(`url: ${blocked.message}`, { type: 'OutboundBlocked', nonRetryable: true });
    throw new NodeFailure(`url: could not download ${url}: ${(error as Error).message}`, { type: 'DownloadFailed' });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new NodeFailure(`url: ${url} answered ${response.status} ${response.statusText}`, {
      type: 'DownloadFailed',
      nonRetryable: response.status >= 400 && response.status < 500 && response.status !== 429,
    });
  }
  const tooLarge = () =>
    new NodeFailure(
      `url: the document is larger than ${MAX_DOCUMENT_BYTES} bytes, Textract's limit for a document sent inline`,
      {
        type: 'DocumentTooLarge',
        nonRetryable: true,
      },
    );
  if (Number(response.headers.get('content-length') ?? 0) > MAX_DOCUMENT_BYTES) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) throw tooLarge();
  return bytes;
}
