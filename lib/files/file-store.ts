import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { filesEnv, type FilesEnv } from './files-env';

/** Where a stored file's bytes are, as a files row records it. */
export interface StoredLocation {
  storage: 'local' | 's3';
  storageKey: string;
}

/** The bytes of uploaded files: put once under an org-scoped key, read back whole. */
export interface FileStore {
  readonly kind: StoredLocation['storage'];
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array>;
  /** The bucket the keys live in, when the store is S3 (Textract reads such objects itself). */
  readonly bucket?: string;
}

/** Keys name the org first, so one org's files never share a prefix with another's. */
export const fileKey = (orgId: string, fileId: string) => `${orgId}/${fileId}`;

/** A folder on the server's disk: DATA_DIR/files by default. */
export function localFileStore(root: string): FileStore {
  const pathOf = (key: string) => {
    const full = path.resolve(root, key);
    // Keys are made of ids, but a stored key must never reach outside the folder.
    if (!full.startsWith(root + path.sep)) throw new Error(`file key ${key} leaves the file store`);
    return full;
  };
  return {
    kind: 'local',
    async put(key, bytes) {
      const file = pathOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Keys are fresh ids, and the row naming one is written only after its bytes are.
      await writeFile(file, bytes, { flag: 'wx' });
    },
    async get(key) {
      return new Uint8Array(await readFile(pathOf(key)));
    },
  };
}

/**
 * An S3 bucket, or one of an S3-compatible service. Configured by the deployment, like the
 * database, so it is reached directly rather than through the org's outbound policy.
 */
export function s3FileStore(env: FilesEnv & { FILES_S3_BUCKET: string }): FileStore {
  const client = new S3Client({
    region: env.FILES_S3_REGION,
    ...(env.FILES_S3_ENDPOINT ? { endpoint: env.FILES_S3_ENDPOINT } : {}),
    forcePathStyle: env.FILES_S3_FORCE_PATH_STYLE,
    ...(env.FILES_S3_ACCESS_KEY_ID && env.FILES_S3_SECRET_ACCESS_KEY
      ? {
          credentials: {
            accessKeyId: env.FILES_S3_ACCESS_KEY_ID,
            secretAccessKey: env.FILES_S3_SECRET_ACCESS_KEY,
          },
        }
      : {}),
  });
  const bucket = env.FILES_S3_BUCKET;
  return {
    kind: 's3',
    bucket,
    async put(key, bytes, contentType) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType }));
    },
    async get(key) {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      if (!object.Body) throw new Error(`s3://${bucket}/${key} has no body`);
      return object.Body.transformToByteArray();
    },
  };
}

let cached: FileStore | undefined;

/** The store this process's configuration names, made once. */
export function fileStore(): FileStore {
  if (cached) return cached;
  const env = filesEnv();
  cached = env.FILES_S3_BUCKET
    ? s3FileStore({ ...env, FILES_S3_BUCKET: env.FILES_S3_BUCKET })
    : localFileStore(env.FILES_DIR);
  return cached;
}
