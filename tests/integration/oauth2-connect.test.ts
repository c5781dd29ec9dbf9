import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decryptCredential, storeCredential } from '@/lib/vault/credentials';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import { OAuth2ProviderStub } from '../support/oauth2-provider-stub';
import { apiFetch, ownerOrg } from '../support/api';

const provider = new OAuth2ProviderStub();
beforeAll(() => provider.start());
afterAll(() => provider.stop());

const storeConnectable = (overrides: Record<string, string> = {}) =>
  storeCredential(ownerOrg(), {
    name: `connect ${randomUUID().slice(0, 6)}`,
    type: 'oauth2',
    value: provider.credentialValue({ scope: 'offline_access read', ...overrides }),
  });

/** Asks the platform to connect the credential; answers where the browser is to go. */
async function beginConnect(credentialId: string): Promise<URL> {
  const response = await apiFetch(`/api/credentials/${credentialId}/oauth2/authorize`, { method: 'POST' });
  expect(response.status).toBe(200);
  return new URL((await response.json()).authorizationUrl);
}

/** Follows the provider's consent: the callback URL it redirects the browser back to. */
async function consent(authorizeUrl: URL): Promise<URL> {
  const response = await fetch(authorizeUrl, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location')!);
}

/** Lands on the callback as the signed-in owner; answers the page it redirects to. */
async function land(callback: URL): Promise<string | null> {
  const response = await apiFetch(`${callback.pathname}${callback.search}`, { redirect: 'manual' });
  expect(response.status).toBe(303);
  return response.headers.get('location');
}

describe('connecting an OAuth2 credential (authorization code with PKCE)', () => {
  it('sends the person to the provider, stores the refresh token it grants, and runs use it', async () => {
    const credentialId = await storeConnectable();
    const authorize = await beginConnect(credentialId);
    const webUrl = inject('platform').webUrl;
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${provider.base}/authorize`);
    const query = Object.fromEntries(authorize.searchParams);
    expect(query).toEqual({
      response_type: 'code',
      client_id: provider.clientId,
      redirect_uri: `${webUrl}/api/oauth2/callback`,
      state: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge_method: 'S256',
      scope: 'offline_access read',
    });

    const callback = await consent(authorize);
    expect(await land(callback)).toBe(`/settings/credentials/${credentialId}?oauth2=connected`);
    const stored = await decryptCredential(ownerOrg().orgId, credentialId);
    expect(stored).toMatchObject({ type: 'oauth2', refreshToken: provider.refreshToken });

    const workflowId = await publishWorkflow('oauth2 connected', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        {
          id: 'me',
          type: 'http.request',
          config: { url: `${provider.base}/me`, auth: { type: 'credential', credentialId } },
        },
      ],
      edges: [{ source: 'start', target: 'me' }],
    });
    const run = await waitForRun(await startRun(workflowId));
    // /me answers 401 to anything but the token the stored refresh token was traded for.
    expect(run.status).toBe('SUCCEEDED');
    expect(run.nodes.me.status).toBe('SUCCEEDED');

    // The state is good for one landing only: a replayed callback connects nothing.
    expect(await land(callback)).toBe(
      `/settings/credentials?oauth2Error=${encodeURIComponent('This sign-in with the provider expired or was already used: connect again')}`,
    );
  });

  it("says why when the provider refuses, or when a code comes back under another attempt's verifier", async () => {
    const credentialId = await storeConnectable();
    provider.refuseNext('access_denied', 'The user said no');
    const refused = await consent(await beginConnect(credentialId));
    expect(await land(refused)).toBe(
      `/settings/credentials/${credentialId}?oauth2Error=${encodeURIComponent('The provider refused the connection: access_denied (The user said no)')}`,
    );

    // Two attempts: the first one's code presented with the second one's state (and verifier).
    const first = await consent(await beginConnect(credentialId));
    const second = await consent(await beginConnect(credentialId));
    const swapped = new URL(second);
    swapped.searchParams.set('code', first.searchParams.get('code')!);
    expect(await land(swapped)).toBe(
      `/settings/credentials/${credentialId}?oauth2Error=${encodeURIComponent('The token endpoint did not issue tokens: token endpoint answered 400 (invalid_grant: PKCE verifier does not match)')}`,
    );
    expect(await decryptCredential(ownerOrg().orgId, credentialId)).not.toHaveProperty('refreshToken');
  });

  it('refuses to start without an authorization URL, naming the field', async () => {
    const credentialId = await storeCredential(ownerOrg(), {
      name: `no url ${randomUUID().slice(0, 6)}`,
      type: 'oauth2',
      value: { tokenUrl: `${provider.base}/token`, clientId: provider.clientId, clientSecret: provider.clientSecret },
    });
    const response = await apiFetch(`/api/credentials/${credentialId}/oauth2/authorize`, { method: 'POST' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'invalid_request',
        message: "authorizationUrl: set the provider's authorization URL on the credential before connecting it",
      },
    });
  });

  it('trades the code only with a token endpoint the outbound guard allows', async () => {
    const credentialId = await storeConnectable({ tokenUrl: 'http://127.0.0.1:9/token' });
    const callback = await consent(await beginConnect(credentialId));
    const landed = new URL((await land(callback))!, 'http://x');
    expect(landed.pathname).toBe(`/settings/credentials/${credentialId}`);
    expect(landed.searchParams.get('oauth2Error')).toBe(
      'The token endpoint did not issue tokens: could not reach it: Outbound request to 127.0.0.1 blocked: 127.0.0.1 is a loopback address. An org admin can allow private hosts under Settings → Network; loopback and metadata addresses only the deployment can open (see OUTBOUND_ALLOWED_TARGETS)',
    );
  });
});
