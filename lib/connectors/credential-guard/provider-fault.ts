import { NodeFailure } from '../define-node';

// Failure types the connectors give (lib/connectors/http, llm, slack, email, postgres, textract)
// when the provider itself failed or pushed back: unreachable, too slow, overloaded, rate limiting.
// A failure the request caused (a 4xx, a refused login, bad config) or a statement's own timeout
// says nothing about the provider's health.
const PROVIDER_FAULT_TYPES = new Set([
  'HttpTimeout',
  'HttpNetworkError',
  'HttpError429',
  'LlmTimeout',
  'LlmUnreachable',
  'LlmStreamError',
  'LlmRateLimited',
  'LlmServerError',
  'SlackRequestFailed',
  'SlackRateLimited',
  'SmtpConnectionFailed',
  'PostgresConnectionFailed',
  'TextractThrottled',
]);

const statusOf = (details: unknown) =>
  typeof details === 'object' && details !== null && 'status' in details ? Number(details.status) : undefined;

/** Whether a failed attempt counts towards opening its credential's circuit. */
export function isProviderFault(error: unknown): boolean {
  if (!(error instanceof NodeFailure)) return false;
  const { type = '', nonRetryable, details } = error.options;
  if (PROVIDER_FAULT_TYPES.has(type)) return true;
  if (/^HttpError5\d\d$/.test(type)) return true;
  // Slack's HTTP failures are retryable exactly when 5xx, its API errors when transient.
  if ((type === 'SlackHttpError' || type === 'SlackApiError') && !nonRetryable) return true;
  return type === 'TextractError' && (statusOf(details) ?? 0) >= 500;
}
