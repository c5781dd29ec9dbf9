import type http from 'node:http';
import { ScriptedLlmServer, sendJson } from './llm-stub-script';

/**
 * A stand-in for Anthropic's Messages API as `@anthropic-ai/sdk` speaks to it: `POST /v1/messages`
 * with the key as a bearer token (or in `x-api-key`), answered as JSON or, with `stream: true`, as the server-sent
 * events the SDK's MessageStream assembles (message_start, content_block_start, ping,
 * content_block_delta per piece of text, content_block_stop, message_delta with the usage,
 * message_stop); `GET /v1/models` lists the models it knows. Errors come in Anthropic's body:
 * `{ type: "error", error: { type, message } }`.
 */
export class AnthropicStub extends ScriptedLlmServer {
  private sequence = 0;

  protected async answer(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    const path = new URL(req.url ?? '/', 'http://stub').pathname;
    // The SDK sends the key as a bearer token; older clients send it in x-api-key.
    const apiKey =
      /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? (req.headers['x-api-key'] as string | undefined);
    const error = (status: number, type: string, message: string) =>
      sendJson(res, status, { type: 'error', error: { type, message } });
    if (apiKey !== this.options.apiKey) return error(401, 'authentication_error', 'invalid x-api-key');
    if (req.method === 'GET' && path === '/v1/models') {
      return sendJson(res, 200, {
        data: this.options.models.map((id) => ({
          type: 'model',
          id,
          display_name: id,
          created_at: '2025-01-01T00:00:00Z',
        })),
        has_more: false,
        first_id: this.options.models[0] ?? null,
        last_id: this.options.models.at(-1) ?? null,
      });
    }
    if (req.method !== 'POST' || path !== '/v1/messages') return error(404, 'not_found_error', `no route ${path}`);
    const body = JSON.parse(raw) as Record<string, unknown>;
    this.requests.push({ apiKey, path, body });
    const model = String(body.model);
    if (!this.options.models.includes(model)) return error(404, 'not_found_error', `model: ${model}`);
    const reply = this.nextReply();
    if ('status' in reply) {
      const type =
        reply.status === 429 ? 'rate_limit_error' : reply.status >= 500 ? 'api_error' : 'invalid_request_error';
      return error(reply.status, type, reply.message);
    }
    const id = `msg_stub${++this.sequence}`;
    const inputTokens = reply.inputTokens ?? 10;
    const outputTokens = reply.outputTokens ?? 20;
    const stopReason = reply.stopReason ?? 'end_turn';
    if (body.stream !== true) {
      return sendJson(res, 200, {
        id,
        type: 'message',
        role: 'assistant',
        model,
        content: [{ type: 'text', text: reply.text }],
        stop_reason: stopReason,
        stop_sequence: null,
        usage: { input_tokens: inputTokens, output_tokens: outputTokens },
      });
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const event = (type: string, data: Record<string, unknown>) =>
      res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
    event('message_start', {
      message: {
        id,
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: inputTokens, output_tokens: 1 },
      },
    });
    event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
    event('ping', {});
    for await (const text of this.pieces(reply)) {
      event('content_block_delta', { index: 0, delta: { type: 'text_delta', text } });
    }
    event('content_block_stop', { index: 0 });
    event('message_delta', {
      delta: { stop_reason: stopReason, stop_sequence: null },
      usage: { output_tokens: outputTokens },
    });
    event('message_stop', {});
    res.end();
  }
}
