import { z } from 'zod';
import type { Response } from 'undici';
import { defineNode } from '../define-node';
import { buildRequest } from '../http/build-request';
import { statusFailure, transportFailure } from '../http/http-failures';
import { parseResponseBody, responseHeaders } from '../http/parse-response';
import { credentialHeaderNames, requestSecrets } from '../http/request-secrets';
import { httpRequestConfig, type ResolvedHttpRequestConfig } from '../http/request-config';
import { resolveCredentialAuth } from '../http/credential-auth';

export const httpRequest = defineNode({
  type: 'http.request',
  kind: 'activity',
  category: 'action',
  label: 'HTTP request',
  description: 'Calls an HTTP API and returns its status, headers and body.',
  icon: 'globe',
  config: httpRequestConfig,
  output: z.object({
    status: z.number().int(),
    statusText: z.string(),
    headers: z.record(z.string(), z.string()),
    body: z.unknown(),
  }),
  async execute({ config: rawConfig, idempotencyKey, signal, log, run, guardedFetch, addSecret }) {
    const send = async (config: ResolvedHttpRequestConfig) => {
      for (const secret of requestSecrets(config)) addSecret(secret);
      const { url, init } = buildRequest(config, idempotencyKey);
      const request = { method: config.method, url };
      const timeout = AbortSignal.timeout(config.timeoutMs);
      const started = performance.now();
      let response: Response;
      let text: string;
      try {
        response = await guardedFetch(url, {
          ...init,
          signal: AbortSignal.any([signal, timeout]),
          sensitiveHeaders: credentialHeaderNames(config),
        });
        text = await response.text();
      } catch (error) {
        throw transportFailure(error, { ...request, timeoutMs: config.timeoutMs, cancel: signal, timeout });
      }
      const durationMs = Math.round(performance.now() - started);
      log({
        level: 'INFO',
        message: `${request.method} ${request.url} answered ${response.status} in ${durationMs} ms`,
        data: { ...request, status: response.status, durationMs },
      });
      return { config, request, response, text };
    };
    const auth = await resolveCredentialAuth(rawConfig, run, addSecret);
    let sent = await send(auth.config);
    // An OAuth2 token can be revoked before it expires: refresh it, and send once more.
    if (sent.response.status === 401 && auth.oauth2AccessToken) {
      log({ level: 'INFO', message: 'The OAuth2 access token was refused (401): refreshing it and sending again' });
      sent = await send((await resolveCredentialAuth(rawConfig, run, addSecret, auth.oauth2AccessToken)).config);
    }
    const { config, request, response, text } = sent;

    const headers = responseHeaders(response.headers);
    if (response.status >= 400 && config.failOnStatus) {
      // An error page rarely honours the requested format: read it leniently so a 503 stays a 503.
      const errorBody = parseResponseBody(text, headers['content-type'], 'auto', request);
      throw statusFailure({ ...request, status: response.status, statusText: response.statusText, body: errorBody });
    }
    const parsed = parseResponseBody(text, headers['content-type'], config.responseType, request);
    return { status: response.status, statusText: response.statusText, headers, body: parsed };
  },
});
