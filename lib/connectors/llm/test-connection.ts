import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import type { ActivityContext } from '../define-node';
import { fetchThroughGuard } from './providers';

type LlmCredential =
  | { type: 'anthropic'; apiKey: string; baseUrl: string }
  | { type: 'openai'; apiKey: string; baseUrl: string; organization?: string };

/**
 * Lists the models the key may use (GET /v1/models, which Anthropic, OpenAI, Ollama and vLLM all
 * serve): the cheapest call that proves the key, through the outbound guard as a run would.
 */
export async function testLlmCredential(
  credential: LlmCredential,
  guardedFetch: ActivityContext<unknown>['guardedFetch'],
  timeoutMs: number,
): Promise<{ ok: boolean; message: string }> {
  const io = { guardedFetch, signal: AbortSignal.timeout(timeoutMs), log: () => undefined };
  const options = {
    apiKey: credential.apiKey,
    baseURL: credential.baseUrl,
    fetch: fetchThroughGuard(io),
    maxRetries: 0,
    timeout: timeoutMs,
  };
  const provider = credential.type === 'anthropic' ? 'Anthropic' : 'The API';
  try {
    const models =
      credential.type === 'anthropic'
        ? (await new Anthropic({ ...options, openTelemetry: { propagation: false } }).models.list()).data
        : (await new OpenAI({ ...options, organization: credential.organization ?? null }).models.list()).data;
    const names = models.slice(0, 3).map((model) => model.id);
    return {
      ok: true,
      message: `${provider} accepted the key: ${models.length} ${models.length === 1 ? 'model' : 'models'} available${names.length ? ` (${names.join(', ')}${models.length > 3 ? ', …' : ''})` : ''}`,
    };
  } catch (error) {
    const status = error instanceof Anthropic.APIError || error instanceof OpenAI.APIError ? error.status : undefined;
    if (status === 401 || status === 403) return { ok: false, message: `${provider} refused the key: HTTP ${status}` };
    throw error;
  }
}
