import { NodeFailure } from '../define-node';
import type { HttpRequestConfig } from './request-config';

// application/json, application/problem+json, application/vnd.api+json; charset=utf-8 …
const JSON_CONTENT_TYPE = /^[^;]*[/+]json\s*(;|$)/i;

/** Response headers as a plain object; repeated headers (set-cookie) are joined with ", ". */
export function responseHeaders(headers: Iterable<[string, string]>): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of headers) record[name] = name in record ? `${record[name]}, ${value}` : value;
  return record;
}

/**
 * The body as the node outputs it. An empty body is null rather than a JSON error, since 204s and
 * HEAD answers often still carry a JSON content type. In auto mode a body that claims to be JSON
 * but is not stays text: the claim, not the data, is wrong.
 */
export function parseResponseBody(
  text: string,
  contentType: string | undefined,
  responseType: HttpRequestConfig['responseType'],
  request: { method: string; url: string },
): unknown {
  const wantsJson = responseType === 'json' || (responseType === 'auto' && JSON_CONTENT_TYPE.test(contentType ?? ''));
  if (!wantsJson) return text;
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch (error) {
    if (responseType === 'auto') return text;
    throw new NodeFailure(
      `${request.method} ${request.url} answered with invalid JSON (${(error as Error).message}); set responseType to text to read it as is`,
      { type: 'HttpInvalidJson', nonRetryable: true, details: { contentType: contentType ?? null } },
    );
  }
}
