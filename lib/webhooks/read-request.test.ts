import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { readBodyBytes, webhookRequestOf } from './read-request';

const encode = (text: string) => new TextEncoder().encode(text);

function request(body: BodyInit | null, headers: Record<string, string> = {}, url = 'http://app.test/api/hooks/x') {
  return new Request(url, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
}

const parsed = (contentType: string | undefined, body: string | Uint8Array) =>
  webhookRequestOf(
    request(null, contentType ? { 'content-type': contentType } : {}),
    'POST',
    typeof body === 'string' ? encode(body) : body,
  );

async function refusal(work: () => unknown) {
  try {
    await work();
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  throw new Error('not refused');
}

describe('webhook request bodies', () => {
  it('reads up to the limit, and refuses one byte more whether declared or streamed', async () => {
    expect(await readBodyBytes(request('abc'), 3)).toEqual(encode('abc'));
    expect(await readBodyBytes(request(null), 3)).toEqual(new Uint8Array());
    const tooLarge = {
      status: 413,
      code: 'payload_too_large',
      message: "The request body is larger than this webhook's limit of 3 bytes (maxBodyBytes)",
    };
    expect(await refusal(() => readBodyBytes(request('abcd'), 3))).toEqual(tooLarge);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encode('ab'));
        controller.enqueue(encode('cd'));
        controller.close();
      },
    });
    expect(await refusal(() => readBodyBytes(request(stream), 3))).toEqual(tooLarge);
  });

  it('parses JSON of any kind, +json types included, and refuses what cannot be stored', async () => {
    expect(parsed('application/json', '"just a string"')).toMatchObject({
      bodyEncoding: 'json',
      body: 'just a string',
    });
    expect(parsed('application/vnd.api+json; charset=utf-8', '{"a":[1]}')).toMatchObject({
      bodyEncoding: 'json',
      body: { a: [1] },
    });
    expect(await refusal(() => parsed('application/json', '{"a":'))).toMatchObject({
      status: 400,
      code: 'invalid_json',
    });
    expect(await refusal(() => parsed('application/json', '{"a":"\\u0000"}'))).toMatchObject({
      status: 400,
      code: 'invalid_request',
    });
    expect(await refusal(() => parsed('application/json', '['.repeat(65) + ']'.repeat(65)))).toMatchObject({
      status: 400,
      code: 'json_too_deep',
    });
  });

  it('turns forms and query strings into objects whose repeated names are arrays', () => {
    const form = parsed('application/x-www-form-urlencoded', 'a=1&b=x+y&a=2&a=3&__proto__=p');
    expect(form.bodyEncoding).toBe('form');
    // A parameter named __proto__ is one more parameter, not the object's prototype.
    expect(JSON.stringify(form.body)).toBe('{"a":["1","2","3"],"b":"x y","__proto__":"p"}');
    expect(Object.getPrototypeOf(form.body)).toBeNull();
    const query = webhookRequestOf(
      request(null, {}, 'http://app.test/api/hooks/x?q=1&q=2&r='),
      'GET',
      new Uint8Array(),
    );
    expect({ ...query.query }).toEqual({ q: ['1', '2'], r: '' });
  });

  it('keeps text as a string and anything else as base64, and an empty body as null', async () => {
    expect(parsed('text/csv', 'a,b\n1,2')).toMatchObject({ bodyEncoding: 'text', body: 'a,b\n1,2' });
    expect(parsed('application/xml', '<a/>')).toMatchObject({ bodyEncoding: 'text', body: '<a/>' });
    expect(parsed('image/png', new Uint8Array([137, 80, 78, 71]))).toMatchObject({
      bodyEncoding: 'base64',
      body: 'iVBORw==',
    });
    expect(parsed(undefined, 'no type')).toMatchObject({
      contentType: null,
      bodyEncoding: 'base64',
      body: 'bm8gdHlwZQ==',
    });
    expect(parsed('application/json', '')).toMatchObject({ bodyEncoding: 'none', body: null });
    expect(await refusal(() => parsed('text/plain', new Uint8Array([0xff, 0xfe])))).toMatchObject({
      status: 400,
      code: 'invalid_request',
      message: 'The text body is not valid UTF-8: send it with a binary content type',
    });
    expect(await refusal(() => parsed('text/plain', 'a\u0000b'))).toMatchObject({
      status: 400,
      message: 'The text body contains a NUL character at position 1: send it with a binary content type',
    });
  });

  it('passes the headers on lower-cased, without credentials', () => {
    const seen = webhookRequestOf(
      request(null, { Authorization: 'Bearer s3cret', Cookie: 'a=b', 'X-Event': 'paid', 'Content-Type': 'text/plain' }),
      'POST',
      new Uint8Array(),
    );
    expect({ ...seen.headers }).toEqual({ 'x-event': 'paid', 'content-type': 'text/plain' });
  });
});
