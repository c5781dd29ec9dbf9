import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiFetch } from '../support/api';

/**
 * A request through node:http, which sends a Host header as given (fetch sets its own): what a
 * client forging its way past a missing proxy would send.
 */
function send(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const { webUrl } = inject('platform');
  return new Promise<{ status: number; json: unknown }>((resolve, reject) => {
    const outgoing = request(`${webUrl}${path}`, { method, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, json: JSON.parse(text) }));
    });
    outgoing.on('error', reject);
    outgoing.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const forgedHost = { host: 'evil.test', 'x-forwarded-host': 'evil.test', 'x-forwarded-proto': 'https' };
const json = { 'content-type': 'application/json' };

describe('the public URL, not the request, names the app', () => {
  let cookie = '';
  let adminKey = '';
  const invitationIds: string[] = [];

  beforeAll(async () => {
    cookie = inject('platform').owner.sessionCookie;
    const created = await apiFetch('/api/api-keys', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'public url probe', role: 'ADMIN' }),
    });
    adminKey = ((await created.json()) as { key: string }).key;
  });

  // Other tests list the org's pending invitations.
  afterAll(async () => {
    for (const id of invitationIds) await apiFetch(`/api/invitations/${id}`, { method: 'DELETE' });
  });

  it('refuses a cookie-authenticated change from a forged origin that forwarding headers vouch for', async () => {
    const refused = {
      status: 403,
      json: {
        error: {
          code: 'cross_origin',
          message: 'Cookie-authenticated changes must come from this app (Origin mismatch)',
        },
      },
    };
    const workflow = { name: 'forged origin' };
    const viaForwarding = { ...json, cookie, origin: 'http://evil.test', 'x-forwarded-host': 'evil.test' };
    expect(await send('POST', '/api/workflows', viaForwarding, workflow)).toEqual(refused);
    const viaHost = { ...json, ...forgedHost, cookie, origin: 'https://evil.test' };
    expect(await send('POST', '/api/workflows', viaHost, workflow)).toEqual(refused);
  });

  it('builds invitation links on the public URL whatever Host and X-Forwarded-Host say', async () => {
    const { webUrl } = inject('platform');
    const link = expect.stringMatching(new RegExp(`^${webUrl}/invite/[\\w-]{43}$`));
    const withKey = await send(
      'POST',
      '/api/invitations',
      { ...json, ...forgedHost, authorization: `Bearer ${adminKey}` },
      { email: 'forged-host-key@example.test', role: 'VIEWER' },
    );
    expect(withKey).toMatchObject({ status: 201, json: { url: link } });
    const withSession = await send(
      'POST',
      '/api/invitations',
      { ...json, ...forgedHost, cookie, origin: webUrl },
      { email: 'forged-host-session@example.test', role: 'VIEWER' },
    );
    expect(withSession).toMatchObject({ status: 201, json: { url: link } });
    invitationIds.push(...[withKey, withSession].map(({ json }) => (json as { id: string }).id));
  });
});
