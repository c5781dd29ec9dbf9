import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NodeFailure } from '../define-node';
import { httpRequest } from './http-request';
import { executeActivityNode } from '../execute-activity-node';
import { testActivityContext } from '../test-activity-context';

interface Echo {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const SECRET = 'sk-live-do-not-leak-4711';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function answer(res: ServerResponse, status: number, contentType: string, body: string) {
  res.writeHead(status, { 'content-type': contentType });
  res.end(body);
}

// Routes: /echo reflects the request as JSON; /status/<code> answers that status (echoing the
// request, as some APIs do in their errors); /hang never answers.
async function route(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const echo: Echo = {
    method: req.method ?? '',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: req.headers,
    body: await readBody(req),
  };
  lastRequest = echo;
  if (url.pathname === '/hang') return;
  if (url.pathname === '/text') return answer(res, 200, 'text/plain; charset=utf-8', '{"looks":"like json"}');
  if (url.pathname === '/problem') return answer(res, 200, 'application/problem+json', '{"title":"ok"}');
  if (url.pathname === '/bad-json') return answer(res, 200, 'application/json', '{"unterminated": ');
  const status = url.pathname.startsWith('/status/') ? Number(url.pathname.slice('/status/'.length)) : 200;
  answer(res, status, 'application/json', JSON.stringify(echo));
}

let server: Server;
let base: string;
let lastRequest: Echo | undefined;

beforeAll(async () => {
  server = createServer((req, res) => void route(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const contextFor = (config: unknown, signal?: AbortSignal) =>
  testActivityContext(httpRequest, config, { nodeId: 'call-api', attempt: 2, signal });

async function send(config: unknown) {
  const { context, logs } = contextFor(config);
  return { ...(await executeActivityNode(httpRequest, context)), logs };
}

async function echoOf(config: Record<string, unknown>): Promise<Echo> {
  const { body } = await send({ url: `${base}/echo`, ...config });
  return body as Echo;
}

async function failureOf(promise: Promise<unknown>): Promise<NodeFailure> {
  const error = await promise.then(
    () => expect.fail('the request should have failed'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(NodeFailure);
  return error as NodeFailure;
}

describe('http.request', () => {
  it('sends a GET with the query appended to the URL and logs one INFO entry', async () => {
    const result = await send({ url: `${base}/echo?fixed=1`, query: { q: 'a b', page: 2, draft: false } });
    expect(result.status).toBe(200);
    expect(result.statusText).toBe('OK');
    expect(result.headers['content-type']).toBe('application/json');
    expect(result.body).toMatchObject({ method: 'GET', query: { fixed: '1', q: 'a b', page: '2', draft: 'false' } });
    expect(result.logs).toHaveLength(1);
    expect(result.logs[0]).toMatchObject({ level: 'INFO', data: { method: 'GET', status: 200 } });
    expect(result.logs[0].data).toHaveProperty('durationMs');
  });

  it('sends a JSON body with a JSON content type', async () => {
    const echo = await echoOf({ method: 'POST', body: { type: 'json', value: { name: 'Ada', tags: [1, 2] } } });
    expect(echo.method).toBe('POST');
    expect(echo.headers['content-type']).toBe('application/json');
    expect(JSON.parse(echo.body)).toEqual({ name: 'Ada', tags: [1, 2] });
  });

  it('sends form fields url-encoded', async () => {
    const echo = await echoOf({ method: 'PUT', body: { type: 'form', fields: { name: 'Ada Lovelace', role: 'a&b' } } });
    expect(echo.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(echo.body))).toEqual({ name: 'Ada Lovelace', role: 'a&b' });
  });

  it('sends a raw body with its content type, text/plain by default', async () => {
    const csv = await echoOf({ method: 'PATCH', body: { type: 'raw', content: 'a,b\n1,2', contentType: 'text/csv' } });
    expect(csv).toMatchObject({ body: 'a,b\n1,2', headers: { 'content-type': 'text/csv' } });
    const plain = await echoOf({ method: 'POST', body: { type: 'raw', content: 'hello' } });
    expect(plain.headers['content-type']).toBe('text/plain');
  });

  it('lets a content-type header the user set win over the body default', async () => {
    const echo = await echoOf({
      method: 'POST',
      headers: { 'Content-Type': 'application/vnd.api+json' },
      body: { type: 'json', value: [] },
    });
    expect(echo.headers['content-type']).toBe('application/vnd.api+json');
  });

  it.each([
    [{ type: 'bearer', token: SECRET }, 'authorization', `Bearer ${SECRET}`],
    [
      { type: 'basic', username: 'ada', password: SECRET },
      'authorization',
      `Basic ${Buffer.from(`ada:${SECRET}`).toString('base64')}`,
    ],
    [{ type: 'header', name: 'X-Api-Key', value: SECRET }, 'x-api-key', SECRET],
  ])('sends %o auth, and masks it where the server echoes it', async (auth, header, expected) => {
    const echo = await echoOf({ auth });
    expect(lastRequest?.headers[header]).toBe(expected);
    expect(echo.headers[header]).toBe('[redacted]');
  });

  it('sends the run-scoped Idempotency-Key unless the user set one or turned it off', async () => {
    expect((await echoOf({})).headers['idempotency-key']).toBe('run-1:call-api');
    const own = await echoOf({ headers: { 'Idempotency-Key': 'order-42' } });
    expect(own.headers['idempotency-key']).toBe('order-42');
    expect((await echoOf({ idempotencyKey: false })).headers).not.toHaveProperty('idempotency-key');
  });

  it('parses JSON in auto mode only when the content type says so', async () => {
    expect((await send({ url: `${base}/problem` })).body).toEqual({ title: 'ok' });
    expect((await send({ url: `${base}/text` })).body).toBe('{"looks":"like json"}');
    expect((await send({ url: `${base}/text`, responseType: 'json' })).body).toEqual({ looks: 'like json' });
    expect((await send({ url: `${base}/problem`, responseType: 'text' })).body).toBe('{"title":"ok"}');
    expect((await send({ url: `${base}/echo`, method: 'HEAD' })).body).toBeNull();
  });

  it('fails with HttpInvalidJson when JSON was required but the body is not JSON', async () => {
    const failure = await failureOf(send({ url: `${base}/bad-json`, responseType: 'json' }));
    expect(failure.options).toMatchObject({ type: 'HttpInvalidJson', nonRetryable: true });
    expect(failure.message).toContain('responseType');
    expect((await send({ url: `${base}/bad-json` })).body).toBe('{"unterminated": ');
  });

  it('fails a 404 for good, naming method, URL and status', async () => {
    const failure = await failureOf(send({ method: 'DELETE', url: `${base}/status/404` }));
    expect(failure.message).toBe(`DELETE ${base}/status/404 failed with HTTP 404 Not Found`);
    expect(failure.options).toMatchObject({ type: 'HttpError404', nonRetryable: true, details: { status: 404 } });
    expect(failure.options.details).toMatchObject({ body: { path: '/status/404' } });
  });

  it.each([503, 500, 429, 408])('leaves %i retryable', async (status) => {
    const failure = await failureOf(send({ url: `${base}/status/${status}` }));
    expect(failure.options).toMatchObject({ type: `HttpError${status}`, nonRetryable: false });
  });

  it('returns error statuses as output when failOnStatus is off', async () => {
    const result = await send({ url: `${base}/status/404`, failOnStatus: false });
    expect(result).toMatchObject({ status: 404, body: { path: '/status/404' } });
  });

  it('truncates a large error body to 2 KB', async () => {
    const failure = await failureOf(
      send({ method: 'POST', url: `${base}/status/500`, body: { type: 'raw', content: 'x'.repeat(10_000) } }),
    );
    const { body } = failure.options.details as { body: string };
    expect(typeof body).toBe('string');
    expect(body.length).toBeLessThan(2100);
  });

  it.each([
    { type: 'bearer', token: SECRET },
    { type: 'basic', username: 'ada', password: SECRET },
    { type: 'header', name: 'X-Api-Key', value: SECRET },
  ])('keeps %o credentials out of failures and logs, even when the server echoes them', async (auth) => {
    const { context, logs } = contextFor({ url: `${base}/status/401`, auth });
    const failure = await failureOf(executeActivityNode(httpRequest, context));
    const basic = Buffer.from(`ada:${SECRET}`).toString('base64');
    const emitted = JSON.stringify({ message: failure.message, details: failure.options.details, logs });
    expect(emitted).not.toContain(SECRET);
    expect(emitted).not.toContain(basic);
    expect(failure.options).toMatchObject({ type: 'HttpError401', nonRetryable: true });
  });

  it('reports a refused connection as a retryable HttpNetworkError', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));

    const failure = await failureOf(
      send({ url: `http://127.0.0.1:${port}/`, auth: { type: 'bearer', token: SECRET } }),
    );
    expect(failure.options).toMatchObject({ type: 'HttpNetworkError', nonRetryable: false });
    expect(failure.message).toContain('ECONNREFUSED');
    expect(failure.message).not.toContain(SECRET);
  });

  it('times out a server that never answers with a retryable HttpTimeout', async () => {
    const failure = await failureOf(send({ url: `${base}/hang`, timeoutMs: 200 }));
    expect(failure.options).toMatchObject({ type: 'HttpTimeout', nonRetryable: false });
    expect(failure.message).toContain('200 ms');
  });

  it('stops when the activity is cancelled, rethrowing the cancellation rather than a failure', async () => {
    const controller = new AbortController();
    const { context } = contextFor({ url: `${base}/hang` }, controller.signal);
    const pending = executeActivityNode(httpRequest, context);
    setTimeout(() => controller.abort(), 50);
    // The server never answers: only the abort can settle this.
    const error = await pending.catch((reason: unknown) => reason);
    expect(error).not.toBeInstanceOf(NodeFailure);
    expect(error).toBe(controller.signal.reason);
  });
});

describe('http.request config', () => {
  const messagesFor = (config: unknown) => httpRequest.config.safeParse(config).error?.issues.map((i) => i.message);

  it('fills in the defaults', () => {
    expect(httpRequest.config.parse({ url: 'https://api.example.com' })).toEqual({
      method: 'GET',
      url: 'https://api.example.com',
      headers: {},
      query: {},
      body: { type: 'none' },
      auth: { type: 'none' },
      timeoutMs: 30_000,
      responseType: 'auto',
      idempotencyKey: true,
      failOnStatus: true,
    });
  });

  it.each(['not a url', 'ftp://files.example.com/a', '/relative/path'])(
    'rejects %s with a message naming url',
    (url) => {
      expect(messagesFor({ url })).toEqual([expect.stringContaining('url')]);
    },
  );

  it('rejects credentials in the URL, a body on GET and an over-long timeout, saying what to do', () => {
    expect(messagesFor({ url: 'https://ada:pw@example.com' })).toEqual([expect.stringContaining('use auth')]);
    expect(messagesFor({ url: 'https://example.com', body: { type: 'json', value: 1 } })).toEqual([
      expect.stringContaining('body must be none for GET'),
    ]);
    expect(messagesFor({ url: 'https://example.com', timeoutMs: 300_001 })).toEqual([
      expect.stringContaining('timeoutMs'),
    ]);
  });

  it('rejects header values that would split the request', () => {
    const messages = messagesFor({ url: 'https://example.com', auth: { type: 'bearer', token: 'a\r\nX-Evil: 1' } });
    expect(messages).toEqual([expect.stringContaining('line breaks')]);
  });

  it('converts to JSON Schema for the palette', () => {
    expect(z.toJSONSchema(httpRequest.config, { io: 'input' })).toMatchObject({ type: 'object' });
  });
});
