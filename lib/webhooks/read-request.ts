import { ApiError } from '../api/errors';
import { assertJsonStorable, readBodyWithin } from '../api/request-limits';
import type { WebhookRequest } from '../connectors/nodes/webhook-trigger';

// Headers a run never sees: the caller's credentials, and what the proxy adds for page rendering.
const HIDDEN_HEADERS = new Set(['authorization', 'cookie', 'x-nonce', 'content-security-policy']);

/** The body's bytes, refused with 413 as soon as they pass `limitBytes` (a chunked body declares no length). */
export function readBodyBytes(req: Request, limitBytes: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new ApiError(
      413,
      'payload_too_large',
      `The request body is larger than this webhook's limit of ${limitBytes} bytes (maxBodyBytes)`,
      { limitBytes },
    );
  return readBodyWithin(req, limitBytes, tooLarge);
}

/** Search or form parameters as an object; a repeated name becomes an array of its values. */
function paramsObject(params: URLSearchParams): Record<string, string | string[]> {
  // No prototype: a parameter named __proto__ is a parameter like any other.
  const result: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of params) {
    const seen = result[name];
    result[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return result;
}

const isJson = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');
const isText = (mediaType: string) =>
  mediaType.startsWith('text/') || mediaType === 'application/xml' || mediaType.endsWith('+xml');

function decodeText(bytes: Uint8Array, what: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(
      400,
      'invalid_request',
      `The ${what} body is not valid UTF-8: send it with a binary content type`,
      [{ path: 'body', message: 'not valid UTF-8' }],
    );
  }
  // PostgreSQL stores no NUL character in text or JSON.
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const message = `contains a NUL character at position ${nul}: send it with a binary content type`;
    throw new ApiError(400, 'invalid_request', `The ${what} body ${message}`, [{ path: 'body', message }]);
  }
  return text;
}

/**
 * The run's input from a webhook call: JSON parsed, form fields as an object, text as a
 * string, anything else as base64. Nothing here is evaluated: it is data for `{{ input }}`.
 */
export function webhookRequestOf(req: Request, method: WebhookRequest['method'], rawBody: Uint8Array): WebhookRequest {
  const headers: Record<string, string> = Object.create(null);
  req.headers.forEach((value, name) => {
    if (!HIDDEN_HEADERS.has(name)) headers[name] = value;
  });
  const query = paramsObject(new URL(req.url).searchParams);
  const contentType = req.headers.get('content-type');
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const request = { method, headers, query, contentType };
  if (rawBody.byteLength === 0) return { ...request, bodyEncoding: 'none', body: null };
  if (isJson(mediaType)) {
    const text = decodeText(rawBody, 'JSON');
    assertJsonStorable(text);
    try {
      return { ...request, bodyEncoding: 'json', body: JSON.parse(text) };
    } catch (error) {
      throw new ApiError(400, 'invalid_json', `The request body is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (mediaType === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(decodeText(rawBody, 'form'));
    return { ...request, bodyEncoding: 'form', body: paramsObject(form) };
  }
  if (isText(mediaType)) return { ...request, bodyEncoding: 'text', body: decodeText(rawBody, 'text') };
  return { ...request, bodyEncoding: 'base64', body: Buffer.from(rawBody).toString('base64') };
}
