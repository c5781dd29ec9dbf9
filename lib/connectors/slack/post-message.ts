import {
  ErrorCode,
  LogLevel,
  WebClient,
  type FetchFunction,
  type Logger,
  type SlackError,
  type WebAPIHTTPError,
  type WebAPIPlatformError,
  type WebAPIRateLimitedError,
  type WebAPIRequestError,
} from '@slack/web-api';
import { NodeFailure, type ActivityContext, type NodeLogEntry } from '../define-node';
import { findOutboundBlocked } from '../../outbound/outbound-blocked';
import { abortableDelay } from '../abortable-delay';

export interface SlackMessage {
  channel: string;
  text?: string;
  blocks?: Record<string, unknown>[];
  threadTs?: string;
  timeoutMs: number;
}

// Errors Slack answers when the same call may work a moment later; every other error code says
// something about the token, the channel or the message that another attempt will not change.
const TRANSIENT_ERRORS = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);
// A rate limit is waited out inside the attempt, as Slack's Retry-After asks, this often and this long at most.
const MAX_RATE_LIMIT_WAITS = 3;
const MAX_RATE_LIMIT_WAIT_S = 30;

/** The SDK's own log lines, warnings and errors only, into the run log (where secrets are masked). */
function runLogger(log: (entry: NodeLogEntry) => void): Logger {
  const line =
    (level: NodeLogEntry['level']) =>
    (...messages: unknown[]) =>
      log({ level, message: `Slack client: ${messages.map(String).join(' ')}` });
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: line('WARN'),
    error: line('ERROR'),
    setLevel: () => undefined,
    getLevel: () => LogLevel.WARN,
    setName: () => undefined,
  };
}

// The SDK's errors carry a `code` from its ErrorCode table (`slack_webapi_…`).
const isSlackError = (error: unknown): error is SlackError =>
  error instanceof Error && String((error as { code?: unknown }).code).startsWith('slack_webapi_');

function slackFailure(error: unknown, apiUrl: string): NodeFailure {
  if (isSlackError(error)) {
    switch (error.code) {
      case ErrorCode.PlatformError: {
        const data = (error as WebAPIPlatformError).data as { error: string; needed?: unknown };
        const needed = typeof data.needed === 'string' ? ` (needs the ${data.needed} scope)` : '';
        return new NodeFailure(`Slack chat.postMessage failed: ${data.error}${needed}`, {
          type: 'SlackApiError',
          nonRetryable: !TRANSIENT_ERRORS.has(data.error),
          details: { error: data.error, ...(data.needed ? { needed: data.needed } : {}) },
        });
      }
      case ErrorCode.HTTPError: {
        const { statusCode, statusMessage } = error as WebAPIHTTPError;
        return new NodeFailure(
          `Slack chat.postMessage failed: ${apiUrl} answered HTTP ${statusCode} ${statusMessage}`,
          {
            type: 'SlackHttpError',
            nonRetryable: statusCode < 500,
          },
        );
      }
      case ErrorCode.RequestError: {
        const { original } = error as WebAPIRequestError;
        const blocked = findOutboundBlocked(original) ?? findOutboundBlocked((original as { cause?: unknown }).cause);
        if (blocked) {
          return new NodeFailure(`Slack chat.postMessage: ${blocked.message}`, {
            type: 'OutboundBlocked',
            nonRetryable: true,
          });
        }
        return new NodeFailure(`Slack chat.postMessage could not reach ${apiUrl}: ${original.message}`, {
          type: 'SlackRequestFailed',
        });
      }
    }
  }
  const blocked = findOutboundBlocked(error);
  if (blocked)
    return new NodeFailure(`Slack chat.postMessage: ${blocked.message}`, {
      type: 'OutboundBlocked',
      nonRetryable: true,
    });
  return error instanceof NodeFailure
    ? error
    : new NodeFailure(`Slack chat.postMessage failed: ${String((error as Error)?.message ?? error)}`);
}

/**
 * Posts a message with Slack's own client, its HTTP requests sent through the outbound guard.
 * A rate limit is waited out (Retry-After) a few times before the attempt fails, retryable.
 */
export async function postSlackMessage(
  bot: { token: string; apiUrl: string },
  message: SlackMessage,
  context: Pick<ActivityContext<unknown>, 'guardedFetch' | 'signal' | 'log'>,
): Promise<{ channel: string; ts: string; message: unknown }> {
  const { guardedFetch, signal, log } = context;
  const fetchThroughGuard: FetchFunction = (url, init = {}) => {
    if (init.body !== undefined && typeof init.body !== 'string') {
      throw new Error('file uploads are not supported by this node');
    }
    return guardedFetch(String(url), {
      method: init.method,
      headers: init.headers,
      body: init.body,
      signal: init.signal ? AbortSignal.any([signal, init.signal]) : signal,
      redirect: 'manual',
    });
  };
  const client = new WebClient(bot.token, {
    slackApiUrl: bot.apiUrl,
    fetch: fetchThroughGuard,
    timeout: message.timeoutMs,
    // Retries belong to the node's retry policy; rate limits are waited out below.
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    allowAbsoluteUrls: false,
    logger: runLogger(log),
  });
  for (let waits = 0; ; waits++) {
    try {
      const result = await client.chat.postMessage({
        channel: message.channel,
        ...(message.text !== undefined ? { text: message.text } : {}),
        ...(message.blocks ? { blocks: message.blocks as never } : {}),
        ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
      } as Parameters<typeof client.chat.postMessage>[0]);
      log({ level: 'INFO', message: `Slack message ${result.ts} posted to ${result.channel}` });
      return { channel: result.channel ?? message.channel, ts: result.ts ?? '', message: result.message ?? null };
    } catch (error) {
      if (isSlackError(error) && error.code === ErrorCode.RateLimitedError) {
        const { retryAfter } = error as WebAPIRateLimitedError;
        if (waits < MAX_RATE_LIMIT_WAITS && retryAfter <= MAX_RATE_LIMIT_WAIT_S) {
          log({ level: 'WARN', message: `Slack rate limited chat.postMessage: trying again in ${retryAfter} s` });
          await abortableDelay(retryAfter * 1000, signal);
          continue;
        }
        throw new NodeFailure(`Slack rate limited chat.postMessage: Retry-After ${retryAfter} s`, {
          type: 'SlackRateLimited',
        });
      }
      throw slackFailure(error, bot.apiUrl);
    }
  }
}
