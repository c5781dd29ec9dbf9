import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { STUB_HOST } from './test-server';

export interface PostedSlackMessage {
  /** The token the request carried, from `Authorization: Bearer` or the form's `token` field. */
  token: string | undefined;
  contentType: string | undefined;
  channel: string;
  text?: string;
  blocks?: unknown[];
  threadTs?: string;
  ts: string;
}

type Params = Record<string, unknown>;

/**
 * A stand-in for Slack's Web API, as `@slack/web-api` speaks to it: `POST /api/<method>` with a
 * form or JSON body and the token as a bearer header, answered 200 `{ ok: true, … }` or
 * `{ ok: false, error }` (and 429 with Retry-After when told to rate-limit). It knows one bot
 * token and a few channels, by ID and by name.
 */
export class SlackStub {
  /** Every chat.postMessage Slack would have posted. */
  readonly messages: PostedSlackMessage[] = [];
  /** Every method called, in order, posted or not. */
  readonly calls: string[] = [];
  private server?: http.Server;
  private rateLimited: { times: number; retryAfterS: number } = { times: 0, retryAfterS: 0 };
  private sequence = 0;

  constructor(private readonly options: { token: string; channels: Record<string, string> }) {}

  /** Starts listening; returns the base URL to give WebClient as `slackApiUrl`. */
  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => this.answer(req, res, Buffer.concat(chunks).toString('utf8')));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, STUB_HOST, resolve));
    return `http://${STUB_HOST}:${(this.server.address() as AddressInfo).port}/api/`;
  }

  /** The next `times` calls are answered 429 with `Retry-After: retryAfterS`. */
  rateLimitNext(times: number, retryAfterS: number) {
    this.rateLimited = { times, retryAfterS };
  }

  async stop() {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, body: string) {
    const method = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/api\//, '');
    this.calls.push(method);
    const reply = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(json));
    };
    if (req.method !== 'POST') return reply(405, { ok: false, error: 'method_not_allowed' });
    if (this.rateLimited.times > 0) {
      this.rateLimited.times--;
      return reply(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(this.rateLimited.retryAfterS) });
    }
    const contentType = req.headers['content-type'];
    const params = parseParams(contentType, body);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof params.token === 'string' ? params.token : undefined);
    if (!token) return reply(200, { ok: false, error: 'not_authed' });
    if (token !== this.options.token) return reply(200, { ok: false, error: 'invalid_auth' });
    switch (method) {
      case 'auth.test':
        return reply(200, { ok: true, user: 'flowbot', user_id: 'U0FLOWBOT', team: 'Flow Test', team_id: 'T0FLOW' });
      case 'chat.postMessage':
        return reply(200, this.postMessage(token, contentType, params));
      default:
        return reply(200, { ok: false, error: 'unknown_method' });
    }
  }

  private postMessage(token: string, contentType: string | undefined, params: Params) {
    const requested = typeof params.channel === 'string' ? params.channel : '';
    const channel =
      Object.values(this.options.channels).find((id) => id === requested) ??
      this.options.channels[requested.replace(/^#/, '')];
    if (!channel) return { ok: false, error: 'channel_not_found' };
    const text = typeof params.text === 'string' ? params.text : undefined;
    const blocks =
      typeof params.blocks === 'string'
        ? (JSON.parse(params.blocks) as unknown[])
        : (params.blocks as unknown[] | undefined);
    if (!text && !blocks?.length) return { ok: false, error: 'no_text' };
    const ts = `1700000000.${String(++this.sequence).padStart(6, '0')}`;
    const threadTs = typeof params.thread_ts === 'string' ? params.thread_ts : undefined;
    this.messages.push({ token, contentType, channel, text, blocks, threadTs, ts });
    return {
      ok: true,
      channel,
      ts,
      message: { type: 'message', user: 'U0FLOWBOT', ts, ...(text ? { text } : {}), ...(blocks ? { blocks } : {}) },
    };
  }
}

function parseParams(contentType: string | undefined, body: string): Params {
  if (contentType?.startsWith('application/json')) return JSON.parse(body || '{}') as Params;
  return Object.fromEntries(new URLSearchParams(body));
}
