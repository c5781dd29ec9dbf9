import type http from 'node:http';
import { ScriptedLlmServer, sendJson } from './llm-stub-script';

/**
 * A stand-in for an OpenAI-compatible Chat Completions API (OpenAI, Ollama, vLLM) as the `openai`
 * SDK speaks to it: `POST /v1/chat/completions` with a bearer key, answered as one
 * chat.completion or, with `stream: true`, as `data:` chunks (the role, a chunk per piece of
 * text, the finish reason, then, with `stream_options.include_usage`, a chunk of usage with no
 * choices) and `data: [DONE]`; `GET /v1/models` lists the models it knows. Errors come in
 * OpenAI's body: `{ error: { message, type, code } }`.
 */
export class OpenAIStub extends ScriptedLlmServer {
  private sequence = 0;

  protected async answer(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    const path = new URL(req.url ?? '/', 'http://stub').pathname;
    const apiKey = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const error = (status: number, message: string, type: string, code: string | null) =>
      sendJson(res, status, { error: { message, type, param: null, code } });
    if (apiKey !== this.options.apiKey) {
      return error(401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
    }
    if (req.method === 'GET' && path === '/v1/models') {
      return sendJson(res, 200, {
        object: 'list',
        data: this.options.models.map((id) => ({ id, object: 'model', created: 1700000000, owned_by: 'stub' })),
      });
    }
    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      return error(404, `Unknown route ${path}`, 'invalid_request_error', null);
    }
    const body = JSON.parse(raw) as Record<string, unknown>;
    this.requests.push({ apiKey, path, body });
    const model = String(body.model);
    if (!this.options.models.includes(model)) {
      return error(
        404,
        `The model \`${model}\` does not exist or you do not have access to it.`,
        'invalid_request_error',
        'model_not_found',
      );
    }
    const reply = this.nextReply();
    if ('status' in reply) {
      return error(reply.status, reply.message, reply.status === 429 ? 'rate_limit_exceeded' : 'server_error', null);
    }
    const id = `chatcmpl-stub${++this.sequence}`;
    const created = 1700000000 + this.sequence;
    const usage = {
      prompt_tokens: reply.inputTokens ?? 10,
      completion_tokens: reply.outputTokens ?? 20,
      total_tokens: (reply.inputTokens ?? 10) + (reply.outputTokens ?? 20),
    };
    const finishReason = reply.stopReason ?? 'stop';
    if (body.stream !== true) {
      return sendJson(res, 200, {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [
          {
            index: 0,
            message: reply.refusal
              ? { role: 'assistant', content: null, refusal: reply.text }
              : { role: 'assistant', content: reply.text, refusal: null },
            finish_reason: finishReason,
          },
        ],
        usage,
      });
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
      res.write(
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices, ...extra })}\n\n`,
      );
    chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
    for await (const piece of this.pieces(reply)) {
      chunk([{ index: 0, delta: reply.refusal ? { refusal: piece } : { content: piece }, finish_reason: null }]);
    }
    chunk([{ index: 0, delta: {}, finish_reason: finishReason }]);
    if ((body.stream_options as { include_usage?: boolean } | undefined)?.include_usage) chunk([], { usage });
    res.write('data: [DONE]\n\n');
    res.end();
  }
}
