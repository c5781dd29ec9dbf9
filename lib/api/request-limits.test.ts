import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { MAX_BODY_BYTES, MAX_JSON_DEPTH, assertJsonStorable, readLimitedText } from './request-limits';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

function refusal(work: () => unknown) {
  try {
    work();
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  return undefined;
}

/** A request whose body arrives in chunks with no Content-Length, as a streamed upload does. */
function chunkedRequest(chunks: number, chunkBytes: number) {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ === chunks) controller.close();
      else controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
  });
  return new Request('http://app.test/api/workflows', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

describe('assertJsonStorable', () => {
  it('accepts nesting up to the limit and refuses one level more, naming the limit', () => {
    expect(refusal(() => assertJsonStorable(nested(MAX_JSON_DEPTH)))).toBeUndefined();
    expect(refusal(() => assertJsonStorable(`{"a":${nested(MAX_JSON_DEPTH)}}`))).toEqual({
      status: 400,
      code: 'json_too_deep',
      message: `The request body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep (at position 68)`,
    });
  });

  it('scans a million levels without recursion', () => {
    expect(refusal(() => assertJsonStorable(nested(1_000_000)))?.code).toBe('json_too_deep');
  });

  it('ignores brackets and escaped quotes inside strings', () => {
    const text = JSON.stringify({ a: '['.repeat(100), b: 'say \\"[[[\\" \\\\', c: '\\u0000 is text here' });
    expect(refusal(() => assertJsonStorable(text))).toBeUndefined();
  });

  it('refuses the escape of a NUL character, which PostgreSQL cannot store', () => {
    expect(refusal(() => assertJsonStorable('{"name":"a\\u0000b"}'))).toEqual({
      status: 400,
      code: 'invalid_request',
      message: 'The request body contains \\u0000 at position 10: text cannot hold a NUL character',
    });
  });
});

describe('readLimitedText', () => {
  it('reads a body up to the limit', async () => {
    const request = new Request('http://app.test/', { method: 'POST', body: 'x'.repeat(MAX_BODY_BYTES) });
    expect((await readLimitedText(request)).length).toBe(MAX_BODY_BYTES);
  });

  it('refuses a declared length over the limit before reading', async () => {
    const request = new Request('http://app.test/', {
      method: 'POST',
      headers: { 'content-length': String(MAX_BODY_BYTES + 1) },
      body: '{}',
    });
    await expect(readLimitedText(request)).rejects.toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('refuses a chunked body as soon as it passes the limit', async () => {
    const request = chunkedRequest(100, 64 * 1024);
    await expect(readLimitedText(request)).rejects.toMatchObject({ status: 413, code: 'payload_too_large' });
  });
});
