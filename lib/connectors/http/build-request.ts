import type { HttpRequestConfig, ResolvedHttpRequestConfig } from './request-config';

export interface BuiltRequest {
  url: string;
  init: { method: string; headers: Headers; body?: string };
}

/** The `Authorization` (or custom) header the auth config asks for, if any. */
export function authHeader(auth: ResolvedHttpRequestConfig['auth']): [name: string, value: string] | undefined {
  switch (auth.type) {
    case 'none':
      return undefined;
    case 'bearer':
      return ['authorization', `Bearer ${auth.token}`];
    case 'basic':
      return ['authorization', `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`];
    case 'header':
      return [auth.name, auth.value];
  }
}

function encodeBody(body: HttpRequestConfig['body']): { content?: string; contentType?: string } {
  switch (body.type) {
    case 'none':
      return {};
    case 'json':
      return { content: JSON.stringify(body.value), contentType: 'application/json' };
    case 'form':
      return { content: new URLSearchParams(body.fields).toString(), contentType: 'application/x-www-form-urlencoded' };
    case 'raw':
      return { content: body.content, contentType: body.contentType };
  }
}

/**
 * Turns the parsed config into fetch's arguments. Headers the user typed win over the defaults
 * (content type, Idempotency-Key); the auth config wins over both, being the more deliberate choice.
 */
export function buildRequest(config: ResolvedHttpRequestConfig, idempotencyKey: string): BuiltRequest {
  const url = new URL(config.url);
  for (const [name, value] of Object.entries(config.query)) url.searchParams.append(name, String(value));

  const headers = new Headers(config.headers);
  const { content, contentType } = encodeBody(config.body);
  if (contentType && !headers.has('content-type')) headers.set('content-type', contentType);
  if (config.idempotencyKey && !headers.has('idempotency-key')) headers.set('idempotency-key', idempotencyKey);
  const auth = authHeader(config.auth);
  if (auth) headers.set(...auth);

  return { url: url.toString(), init: { method: config.method, headers, body: content } };
}
