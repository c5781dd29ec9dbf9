import { createHash, randomUUID } from 'node:crypto';
import type { OrgContext } from '../auth/current-org';
import { recordAudit } from '../audit/record';
import { ApiError } from '../api/api-error';
import { readBodyWithin } from '../api/request-limits';
import { orgDb } from '../db/tenant';
import { fileKey, fileStore } from './file-store';
import { filesEnv } from './files-env';

/** What the API answers about a file. */
export interface FileMetadata {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

// type/subtype, with optional parameters (charset): what a Content-Type header may say.
const CONTENT_TYPE = /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(\s*;.*)?$/;
const MAX_NAME_LENGTH = 255;

export const maxFileBytes = () => filesEnv().FILES_MAX_BYTES;

export const tooLargeFile = (limitBytes: number) =>
  new ApiError(413, 'payload_too_large', `The file is larger than ${limitBytes} bytes, the file store's limit`, {
    limitBytes,
  });

/** A file name as a header carries it: percent-encoded when it is not plain ASCII. */
export function fileNameFrom(header: string | null): string {
  let name = (header ?? '').trim();
  try {
    name = decodeURIComponent(name);
  } catch {
    // Left as sent: a literal % in a plain name.
  }
  // A name, never a path: only what follows the last separator, and no control characters.
  name = name
    .split(/[/\\]/)
    .at(-1)!
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  if (name === '') throw new ApiError(400, 'invalid_request', 'X-File-Name: give the file a name');
  if (name.length > MAX_NAME_LENGTH) {
    throw new ApiError(400, 'invalid_request', `X-File-Name: a name may be at most ${MAX_NAME_LENGTH} characters`);
  }
  return name;
}

export function contentTypeFrom(header: string | null): string {
  const type = (header ?? '').trim();
  if (!CONTENT_TYPE.test(type)) {
    throw new ApiError(
      400,
      'invalid_request',
      "Content-Type: give the file's media type (application/pdf, image/png…)",
    );
  }
  return type;
}

/** Reads a request body whole, refused as soon as it passes the file store's limit. */
export function readFileBody(req: Request, limitBytes = maxFileBytes()): Promise<Uint8Array> {
  return readBodyWithin(req, limitBytes, () => tooLargeFile(limitBytes));
}

const metadataSelect = { id: true, name: true, contentType: true, sizeBytes: true } as const;
const toMetadata = (row: { id: string; name: string; contentType: string; sizeBytes: number }): FileMetadata => ({
  id: row.id,
  name: row.name,
  contentType: row.contentType,
  size: row.sizeBytes,
});

/** Stores an uploaded file's bytes under an org-scoped key, then its row. */
export async function storeFile(
  org: OrgContext,
  file: { name: string; contentType: string; bytes: Uint8Array },
): Promise<FileMetadata> {
  if (file.bytes.byteLength === 0) throw new ApiError(400, 'invalid_request', 'The file is empty');
  const store = fileStore();
  const id = randomUUID();
  const storageKey = fileKey(org.orgId, id);
  await store.put(storageKey, file.bytes, file.contentType);
  const row = await orgDb(org.orgId).storedFile.create({
    data: {
      id,
      orgId: org.orgId,
      name: file.name,
      contentType: file.contentType,
      sizeBytes: file.bytes.byteLength,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      storage: store.kind,
      storageKey,
      createdBy: org.actor.id,
    },
    select: metadataSelect,
  });
  await recordAudit(org, {
    action: 'file.upload',
    targetType: 'file',
    targetId: id,
    data: { name: file.name, contentType: file.contentType, size: file.bytes.byteLength },
  });
  return toMetadata(row);
}

export class FileNotFound extends Error {
  override name = 'FileNotFound';
  constructor(readonly fileId: string) {
    super(`file ${fileId} was not found in this org`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stored file's row, found only in its own org. */
export async function findFile(orgId: string, fileId: string) {
  const row = UUID.test(fileId) ? await orgDb(orgId).storedFile.findFirst({ where: { id: fileId, orgId } }) : null;
  if (!row) throw new FileNotFound(fileId);
  return row;
}

/** A stored file's metadata and bytes, for a download or a node reading it. */
export async function readStoredFile(orgId: string, fileId: string) {
  const row = await findFile(orgId, fileId);
  const bytes = await fileStore().get(row.storageKey);
  return { ...toMetadata(row), storage: row.storage, storageKey: row.storageKey, bytes };
}
