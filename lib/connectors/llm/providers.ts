import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { NodeFailure, type ActivityContext, type NodeLogEntry } from '../define-node';
import type { OutboundRequest } from '../../outbound/outbound-fetch';
import type { TokenUsage } from './prices';

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  model: string;
  system?: string;
  messages: ChatMessage[];
  temperature?: number;
  maxTokens: number;
  timeoutMs: number;
}

export interface ChatReply {
  text: string;
  /** The model that answered, as the API names it (a dated snapshot of an alias, say). */
  model: string;
  usage: TokenUsage;
}

/** One streamed chat completion: `onText` gets the reply's text as it arrives. */
export type ChatProvider = (request: ChatRequest, onText: (text: string) => void) => Promise<ChatReply>;

type IoContext = Pick<ActivityContext<unknown>, 'guardedFetch' | 'signal' | 'log'>;

/**
 * The fetch both SDKs are given: every request they make goes through the outbound guard, and
 * stops when the activity is cancelled. Redirects are not followed, so the key never leaves for
 * another host.
 */
export function fetchThroughGuard({ guardedFetch, signal }: IoContext) {
  return async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    if (init.body != null && typeof init.body !== 'string') {
      throw new Error('the LLM node sends JSON text bodies only');
    }
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const response = await guardedFetch(url, {
      method: init.method,
      headers: init.headers as OutboundRequest['headers'],
      body: init.body ?? undefined,
      signal: init.signal ? AbortSignal.any([signal, init.signal]) : signal,
      redirect: 'manual',
      sensitiveHeaders: ['x-api-key'],
    });
    // undici's Response is the one Node's own fetch returns: the SDKs read it as a WHATWG Response.
    return response as unknown as Response;
  };
}

/** The SDKs' own warnings and errors, into the run log (where secrets are masked). */
function sdkLogger(log: (entry: NodeLogEntry) => void, name: string) {
  const line =
    (level: NodeLogEntry['level']) =>
    (...messages: unknown[]) =>
      log({
        level,
        message: `${name}: ${messages.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ')}`,
      });
  return { debug: () => undefined, info: () => undefined, warn: line('WARN'), error: line('ERROR') };
}

const refused = (reason: string) =>
  new NodeFailure(`The model refused to answer: ${reason}`, { type: 'LlmRefused', nonRetryable: true });

/** Claude through Anthropic's Messages API, streamed. */
export function anthropicProvider(credential: { apiKey: string; baseUrl: string }, io: IoContext): ChatProvider {
  return async (request, onText) => {
    const client = new Anthropic({
      apiKey: credential.apiKey,
      baseURL: credential.baseUrl,
      fetch: fetchThroughGuard(io),
      // Retries belong to the node's retry policy, which sees what each attempt did.
      maxRetries: 0,
      timeout: request.timeoutMs,
      logger: sdkLogger(io.log, 'Anthropic client'),
      logLevel: 'warn',
      // Trace headers of this platform are nobody else's business.
      openTelemetry: { propagation: false },
    });
    const stream = client.messages.stream(
      {
        model: request.model,
        max_tokens: request.maxTokens,
        messages: request.messages,
        ...(request.system ? { system: request.system } : {}),
        ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      },
      { signal: io.signal },
    );
    stream.on('text', (text) => onText(text));
    const message = await stream.finalMessage();
    const text = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
    if (message.stop_reason === 'refusal') throw refused(text || 'it declined the request');
    return {
      text,
      model: message.model,
      usage: { inputTokens: message.usage.input_tokens, outputTokens: message.usage.output_tokens },
    };
  };
}

/** Any OpenAI-compatible Chat Completions endpoint (OpenAI, Ollama, vLLM), streamed. */
export function openaiProvider(
  credential: { apiKey: string; baseUrl: string; organization?: string },
  io: IoContext,
): ChatProvider {
  // OpenAI's newer models take only max_completion_tokens; servers that copy the API know max_tokens.
  const isOpenAI = new URL(credential.baseUrl).hostname === 'api.openai.com';
  return async (request, onText) => {
    const client = new OpenAI({
      apiKey: credential.apiKey,
      baseURL: credential.baseUrl,
      organization: credential.organization ?? null,
      fetch: fetchThroughGuard(io),
      maxRetries: 0,
      timeout: request.timeoutMs,
      logger: sdkLogger(io.log, 'OpenAI client'),
      logLevel: 'warn',
    });
    const stream = await client.chat.completions.create(
      {
        model: request.model,
        messages: [
          ...(request.system ? [{ role: 'system' as const, content: request.system }] : []),
          ...request.messages,
        ],
        stream: true,
        stream_options: { include_usage: true },
        ...(isOpenAI ? { max_completion_tokens: request.maxTokens } : { max_tokens: request.maxTokens }),
        ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      },
      { signal: io.signal },
    );
    let text = '';
    let refusal = '';
    let model = request.model;
    let usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
    for await (const chunk of stream) {
      if (chunk.model) model = chunk.model;
      const delta = chunk.choices[0]?.delta;
      if (delta?.content) {
        text += delta.content;
        onText(delta.content);
      }
      if (delta?.refusal) refusal += delta.refusal;
      if (chunk.usage) usage = { inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens };
    }
    if (refusal) throw refused(refusal);
    return { text, model, usage };
  };
}
