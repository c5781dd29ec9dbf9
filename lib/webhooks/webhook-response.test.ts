import { describe, expect, it } from 'vitest';
import { webhookResponse } from './webhook-response';

async function seen(response: Response) {
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}

describe('webhook answers from an output', () => {
  it('answers a { status, headers, body } output as it says', async () => {
    expect(await seen(webhookResponse({ status: 201, headers: { 'X-Id': 7 }, body: { ok: true } }))).toEqual({
      status: 201,
      headers: { 'content-type': 'application/json', 'x-id': '7' },
      body: '{"ok":true}',
    });
    expect(await seen(webhookResponse({ status: 200, body: 'plain' }))).toEqual({
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: 'plain',
    });
    expect(
      await seen(webhookResponse({ status: 200, headers: { 'content-type': 'text/xml' }, body: '<ok/>' })),
    ).toEqual({ status: 200, headers: { 'content-type': 'text/xml' }, body: '<ok/>' });
    expect(await seen(webhookResponse({ status: 204, body: 'dropped' }))).toEqual({
      status: 204,
      headers: {},
      body: '',
    });
  });

  it('drops cookies, framing and security headers, and values that would split the header', async () => {
    const answer = webhookResponse({
      status: 200,
      headers: {
        'Set-Cookie': 'session=stolen',
        'content-length': '1',
        'content-security-policy': 'default-src *',
        'x-ok': 'yes',
        'x-split': 'a\r\nset-cookie: b',
        'bad name': 'x',
      },
      body: {},
    });
    expect((await seen(answer)).headers).toEqual({ 'content-type': 'application/json', 'x-ok': 'yes' });
  });

  it('answers any other output as 200 JSON of it', async () => {
    expect(await seen(webhookResponse({ status: 'fine' }))).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"status":"fine"}',
    });
    // An extra key makes it data, not an answer.
    expect((await seen(webhookResponse({ status: 201, body: 1, extra: true }))).status).toBe(200);
    expect((await seen(webhookResponse({ status: 99 }))).status).toBe(200);
    expect((await seen(webhookResponse(undefined))).body).toBe('null');
    expect((await seen(webhookResponse([1, 2]))).body).toBe('[1,2]');
  });
});
