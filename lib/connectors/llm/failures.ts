import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { NodeFailure } from '../define-node';
import { findOutboundBlocked } from '../../outbound/outbound-blocked';

type SdkApiError = InstanceType<typeof Anthropic.APIError> | InstanceType<typeof OpenAI.APIError>;

const isApiError = (error: unknown): error is SdkApiError =>
  error instanceof Anthropic.APIError || error instanceof OpenAI.APIError;

/** The API's own words: Anthropic's error is the body (`{ error: { message } }`), OpenAI's the body's `error`. */
function apiMessage(error: SdkApiError): string {
  const body = error.error as { message?: unknown; error?: { message?: unknown } } | undefined;
  const message = body?.error?.message ?? body?.message;
  return typeof message === 'string' ? message : error.message;
}

export interface FailureContext {
  provider: string;
  baseUrl: string;
  model: string;
  /** The credential's name, read only when it is to be named. */
  credentialName: () => Promise<string>;
}

/**
 * What the node reports for an SDK's error: a refused key, a model that does not exist or a
 * request the API rejects fail at once; rate limits, the provider's own failures and the network
 * are retried by the node's retry policy.
 */
export async function llmFailure(error: unknown, context: FailureContext): Promise<unknown> {
  if (error instanceof NodeFailure) return error;
  const { provider, baseUrl, model } = context;
  const blocked = findOutboundBlocked(error);
  if (blocked) {
    return new NodeFailure(`${provider} at ${baseUrl}: ${blocked.message}`, {
      type: 'OutboundBlocked',
      nonRetryable: true,
    });
  }
  if (!isApiError(error)) return error;
  if (error instanceof Anthropic.APIUserAbortError || error instanceof OpenAI.APIUserAbortError) return error;
  if (error instanceof Anthropic.APIConnectionTimeoutError || error instanceof OpenAI.APIConnectionTimeoutError) {
    return new NodeFailure(`${provider} at ${baseUrl} did not answer in time`, { type: 'LlmTimeout' });
  }
  const said = apiMessage(error);
  if (error instanceof Anthropic.APIConnectionError || error instanceof OpenAI.APIConnectionError) {
    return new NodeFailure(`${provider} at ${baseUrl} could not be reached: ${said}`, { type: 'LlmUnreachable' });
  }
  const { status } = error;
  if (status === undefined) {
    // An error event in the middle of the stream (Anthropic's overloaded_error, say).
    return new NodeFailure(`${provider} failed while streaming the reply: ${said}`, { type: 'LlmStreamError' });
  }
  if (status === 401) {
    return new NodeFailure(
      `${provider} refused the API key of credential "${await context.credentialName()}" (401: ${said}): put in a valid key under Settings → Credentials`,
      { type: 'LlmAuthFailed', nonRetryable: true },
    );
  }
  if (status === 403) {
    return new NodeFailure(`${provider} does not allow this request with the credential's key (403: ${said})`, {
      type: 'LlmPermissionDenied',
      nonRetryable: true,
    });
  }
  if (status === 404) {
    return new NodeFailure(`${provider} at ${baseUrl} has no model "${model}" (404: ${said}): check the model name`, {
      type: 'LlmModelNotFound',
      nonRetryable: true,
    });
  }
  if (status === 429) {
    return new NodeFailure(`${provider} is limiting the rate of requests (429: ${said})`, { type: 'LlmRateLimited' });
  }
  if (status >= 500) {
    return new NodeFailure(`${provider} failed on its side (${status}: ${said})`, { type: 'LlmServerError' });
  }
  return new NodeFailure(`${provider} rejected the request (${status}: ${said})`, {
    type: 'LlmRequestRejected',
    nonRetryable: true,
  });
}
