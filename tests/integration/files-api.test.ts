import { beforeAll, describe, expect, it } from 'vitest';
import { api, apiFetch } from '../support/api';
import { createOtherOrg } from '../support/other-org';
import { filesEnv } from '@/lib/files/files-env';

async function ownerUpload(bytes: Uint8Array, name: string, contentType: string) {
  return apiFetch('/api/files', {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-file-name': name },
    body: Buffer.from(bytes),
  });
}

describe('files API', () => {
  let viewerKey = '';

  beforeAll(async () => {
    const response = await apiFetch('/api/api-keys', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'files viewer', role: 'VIEWER' }),
    });
    viewerKey = (await response.json()).key;
  });

  it('stores an upload with its name and content type, and serves it back to the org', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\nan invoice\n');
    const response = await ownerUpload(bytes, encodeURIComponent('März Rechnung.pdf'), 'application/pdf');
    expect(response.status).toBe(201);
    const file = await response.json();
    expect(file).toEqual({
      id: file.id,
      name: 'März Rechnung.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
    });

    const download = await apiFetch(`/api/files/${file.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('März Rechnung.pdf')}`,
    );
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);

    const viewer = await fetch(api(`/api/files/${file.id}`), { headers: { authorization: `Bearer ${viewerKey}` } });
    expect(viewer.status).toBe(200);
    expect(new Uint8Array(await viewer.arrayBuffer())).toEqual(bytes);
  });

  it('keeps a path out of the name', async () => {
    const response = await ownerUpload(new Uint8Array([1, 2, 3]), '../../etc/passwd', 'application/octet-stream');
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ name: 'passwd', size: 3 });
  });

  it('refuses an upload from a viewer', async () => {
    const response = await fetch(api('/api/files'), {
      method: 'POST',
      headers: { authorization: `Bearer ${viewerKey}`, 'content-type': 'text/plain', 'x-file-name': 'notes.txt' },
      body: 'data',
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { code: 'forbidden', message: 'Your role (VIEWER) may not file upload' },
    });
  });

  it("does not show another org's file", async () => {
    const file = await (await ownerUpload(new Uint8Array([7]), 'mine.bin', 'application/octet-stream')).json();
    const other = await createOtherOrg('Files Other Org');
    const response = await other.keyFetch(`/api/files/${file.id}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'File was not found' } });
    const malformed = await apiFetch('/api/files/not-an-id');
    expect(malformed.status).toBe(404);
  });

  it('refuses a file over the limit with 413, and a request without a name or type with 400', async () => {
    const limitBytes = filesEnv().FILES_MAX_BYTES;
    const response = await ownerUpload(new Uint8Array(limitBytes + 1), 'big.bin', 'application/octet-stream');
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: {
        code: 'payload_too_large',
        message: `The file is larger than ${limitBytes} bytes, the file store's limit`,
        details: { limitBytes },
      },
    });

    const unnamed = await apiFetch('/api/files', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(unnamed.status).toBe(400);
    expect(await unnamed.json()).toEqual({
      error: { code: 'invalid_request', message: 'X-File-Name: give the file a name' },
    });
    const untyped = await apiFetch('/api/files', {
      method: 'POST',
      headers: { 'x-file-name': 'a.bin', 'content-type': 'nonsense' },
      body: 'x',
    });
    expect(untyped.status).toBe(400);
    expect(await untyped.json()).toEqual({
      error: {
        code: 'invalid_request',
        message: "Content-Type: give the file's media type (application/pdf, image/png…)",
      },
    });
  });
});
