import { NodeFailure } from '../define-node';
import { findOutboundBlocked } from '../../outbound/outbound-blocked';
import { TooManyRedirects } from '../../outbound/outbound-fetch';

const BODY_DETAIL_LIMIT = 2048;

// Conflicts, "too early" and rate limits clear up on their own; other 4xx mean the request is wrong.
const RETRYABLE_CLIENT_ERRORS = new Set([408, 409, 425, 429]);

interface RequestSummary {
  method: string;
  url: string;
}

function bodyDetail(body: unknown): unknown {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > BODY_DETAIL_LIMIT ? `${text.slice(0, BODY_DETAIL_LIMIT)}… (truncated)` : body;
}

export function statusFailure(
  response: RequestSummary & { status: number; statusText: string; body: unknown },
): NodeFailure {
  const { method, url, status, statusText, body } = response;
  return new NodeFailure(`${method} ${url} failed with HTTP ${status}${statusText ? ` ${statusText}` : ''}`, {
    type: `HttpError${status}`,
    nonRetryable: status < 500 && !RETRYABLE_CLIENT_ERRORS.has(status),
    details: { status, body: bodyDetail(body) },
  });
}

function describeCause(error: unknown): string {
  // undici reports "fetch failed" (outbound-fetch.ts) and keeps the useful part (ECONNREFUSED, ENOTFOUND…) in the cause.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (!(cause instanceof Error)) return String(cause);
  const code = (cause as NodeJS.ErrnoException).code;
  return cause.message || code || cause.name;
}

/**
 * What a fetch that produced no response becomes. A cancellation is rethrown as is, so the worker
 * sees the activity cancelled rather than a failure worth retrying.
 */
export function transportFailure(
  error: unknown,
  request: RequestSummary & {
    timeoutMs: number;
    cancel: AbortSignal;
    timeout: AbortSignal;
  },
): unknown {
  const { method, url } = request;
  if (request.cancel.aborted) return request.cancel.reason;
  const blocked = findOutboundBlocked(error);
  if (blocked)
    return new NodeFailure(`${method} ${url}: ${blocked.message}`, { type: 'OutboundBlocked', nonRetryable: true });
  if (error instanceof TooManyRedirects) {
    return new NodeFailure(`${method} ${url} ${error.message}`, { type: 'HttpTooManyRedirects', nonRetryable: true });
  }
  if (request.timeout.aborted) {
    return new NodeFailure(`${method} ${url} did not answer within ${request.timeoutMs} ms (timeoutMs)`, {
      type: 'HttpTimeout',
      nonRetryable: false,
    });
  }
  return new NodeFailure(`${method} ${url} failed: ${describeCause(error)}`, {
    type: 'HttpNetworkError',
    nonRetryable: false,
  });
}
