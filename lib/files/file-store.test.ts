import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileKey, localFileStore, s3FileStore } from './file-store';
import { filesEnv } from './files-env';

/** PutObject and GetObject as an S3-compatible service answers them with the bucket in the path. */
class S3Stub {
  readonly objects = new Map<string, { body: Buffer; contentType?: string; authorization?: string }>();
  private server?: http.Server;

  async start() {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const key = decodeURIComponent(new URL(req.url ?? '/', 'http://s3').pathname);
        if (req.method === 'PUT') {
          this.objects.set(key, {
            body: Buffer.concat(chunks),
            contentType: req.headers['content-type'],
            authorization: req.headers.authorization,
          });
          res.writeHead(200, { etag: '"1"' }).end();
          return;
        }
        const object = this.objects.get(key);
        if (req.method !== 'GET' || !object) {
          res.writeHead(404, { 'content-type': 'application/xml' });
          res.end('<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
          return;
        }
        res.writeHead(200, { 'content-type': object.contentType ?? 'application/octet-stream' }).end(object.body);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop() {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

const bytes = new TextEncoder().encode('%PDF-1.7 an invoice');

describe('file stores', () => {
  let root = '';
  const s3 = new S3Stub();
  let endpoint = '';

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'files-'));
    endpoint = await s3.start();
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await s3.stop();
  });

  it('keeps files in a local folder, one folder per org, and never writes one twice', async () => {
    const store = localFileStore(root);
    const key = fileKey('org-a', 'file-1');
    await store.put(key, bytes, 'application/pdf');
    expect(await readFile(path.join(root, 'org-a', 'file-1'))).toEqual(Buffer.from(bytes));
    expect(await store.get(key)).toEqual(bytes);
    await expect(store.put(key, bytes, 'application/pdf')).rejects.toThrow('EEXIST');
    await expect(store.get('../outside')).rejects.toThrow('file key ../outside leaves the file store');
  });

  it('keeps files in an S3-compatible bucket, signed with the configured key, path-style', async () => {
    const store = s3FileStore({
      ...filesEnv({}),
      FILES_S3_BUCKET: 'uploads',
      FILES_S3_ENDPOINT: endpoint,
      FILES_S3_REGION: 'eu-west-1',
      FILES_S3_ACCESS_KEY_ID: 'AKIAFILESTORE0001',
      FILES_S3_SECRET_ACCESS_KEY: 'files-secret',
      FILES_S3_FORCE_PATH_STYLE: true,
    });
    expect(store).toMatchObject({ kind: 's3', bucket: 'uploads' });
    const key = fileKey('org-a', 'file-2');
    await store.put(key, bytes, 'application/pdf');
    const stored = s3.objects.get('/uploads/org-a/file-2');
    expect(stored?.body).toEqual(Buffer.from(bytes));
    expect(stored?.contentType).toBe('application/pdf');
    expect(stored?.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAFILESTORE0001\/\d{8}\/eu-west-1\/s3\/aws4_request/,
    );
    expect(await store.get(key)).toEqual(bytes);
  });

  it('reads its settings with defaults: a local folder, 8 MB', () => {
    expect(filesEnv({})).toMatchObject({
      FILES_DIR: path.resolve('.data/files'),
      FILES_MAX_BYTES: 8 * 1024 * 1024,
      FILES_S3_FORCE_PATH_STYLE: false,
    });
    expect(() => filesEnv({ FILES_MAX_BYTES: String(10 * 1024 * 1024) })).toThrow(
      'Invalid file store configuration:\n  FILES_MAX_BYTES',
    );
  });
});
