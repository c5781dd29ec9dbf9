import { describe, expect, it } from 'vitest';
import { NodeFailure } from '../define-node';
import { statusFailure, transportFailure } from '../http/http-failures';
import { isProviderFault } from './provider-fault';

const request = { method: 'GET', url: 'https://api.example.com/x' };
const status = (code: number) => statusFailure({ ...request, status: code, statusText: '', body: '' });

describe('isProviderFault', () => {
  it('counts what the HTTP connector reports for a failing provider: 5xx, 429, timeouts, the network', () => {
    const live = new AbortController().signal;
    const timedOut = AbortSignal.abort();
    expect([500, 502, 503, 504, 429].map((code) => isProviderFault(status(code)))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(
      isProviderFault(
        transportFailure(new Error('fetch failed'), { ...request, timeoutMs: 5, cancel: live, timeout: timedOut }),
      ),
    ).toBe(true);
    expect(
      isProviderFault(
        transportFailure(new Error('fetch failed'), { ...request, timeoutMs: 5, cancel: live, timeout: live }),
      ),
    ).toBe(true);
  });

  it("does not count failures the request caused, nor errors that are not a connector's report", () => {
    expect([400, 401, 403, 404, 409, 422].map((code) => isProviderFault(status(code)))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(
      isProviderFault(new NodeFailure('config.url: Invalid URL', { type: 'InvalidConfig', nonRetryable: true })),
    ).toBe(false);
    expect(isProviderFault(new Error('socket hang up'))).toBe(false);
  });

  it('reads Slack and Textract failures by their retryability and status', () => {
    expect(isProviderFault(new NodeFailure('HTTP 502', { type: 'SlackHttpError', nonRetryable: false }))).toBe(true);
    expect(isProviderFault(new NodeFailure('HTTP 404', { type: 'SlackHttpError', nonRetryable: true }))).toBe(false);
    expect(isProviderFault(new NodeFailure('x', { type: 'TextractError', details: { code: 'X', status: 503 } }))).toBe(
      true,
    );
    expect(isProviderFault(new NodeFailure('x', { type: 'TextractError', details: { code: 'X', status: 400 } }))).toBe(
      false,
    );
  });
});
