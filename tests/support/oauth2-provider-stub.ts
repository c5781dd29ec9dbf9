import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { STUB_HOST } from './test-server';

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
}

/**
 * An OAuth2 provider for tests (RFC 6749 authorization code with RFC 7636 PKCE, S256 only): its
 * authorization endpoint consents at once and redirects back with a code; its token endpoint
 * trades the code (once, with the matching verifier and redirect URI) or a refresh token; `/me`
 * accepts only the latest access token. `refuseNext` makes the next authorization a refusal.
 */
export class OAuth2ProviderStub {
  readonly clientId = 'client-1';
  readonly clientSecret = `secret-${randomUUID()}`;
  /** The authorization requests received, as their query parameters. */
  readonly authorizations: URLSearchParams[] = [];
  refreshToken = '';
  accessToken = '';
  private readonly codes = new Map<string, IssuedCode>();
  private refusal?: { error: string; description: string };
  private server?: http.Server;
  base = '';

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => this.answer(req, res, body));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, STUB_HOST, resolve));
    this.base = `http://${STUB_HOST}:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  async stop() {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** An OAuth2 credential's value for this provider, connectable (it has an authorization URL). */
  credentialValue(overrides: Record<string, string> = {}) {
    return {
      authorizationUrl: `${this.base}/authorize`,
      tokenUrl: `${this.base}/token`,
      clientId: this.clientId,
      clientSecret: this.clientSecret,
      ...overrides,
    };
  }

  refuseNext(error: string, description: string) {
    this.refusal = { error, description };
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, body: string) {
    const url = new URL(req.url ?? '/', this.base);
    const json = (status: number, value: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    if (url.pathname === '/authorize') {
      const query = url.searchParams;
      this.authorizations.push(query);
      const back = new URL(query.get('redirect_uri') ?? '');
      back.searchParams.set('state', query.get('state') ?? '');
      if (this.refusal) {
        back.searchParams.set('error', this.refusal.error);
        back.searchParams.set('error_description', this.refusal.description);
        this.refusal = undefined;
      } else {
        const code = `code-${randomUUID()}`;
        this.codes.set(code, {
          clientId: query.get('client_id') ?? '',
          redirectUri: query.get('redirect_uri') ?? '',
          codeChallenge: query.get('code_challenge') ?? '',
        });
        back.searchParams.set('code', code);
      }
      res.writeHead(302, { location: back.toString() }).end();
      return;
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      const client = Buffer.from(String(req.headers.authorization).replace(/^Basic /, ''), 'base64').toString();
      if (client !== `${this.clientId}:${this.clientSecret}`) return json(401, { error: 'invalid_client' });
      const form = new URLSearchParams(body);
      if (form.get('grant_type') === 'authorization_code') {
        const issued = this.codes.get(form.get('code') ?? '');
        this.codes.delete(form.get('code') ?? '');
        if (!issued || issued.redirectUri !== form.get('redirect_uri')) {
          return json(400, { error: 'invalid_grant', error_description: 'unknown code' });
        }
        const challenge = createHash('sha256')
          .update(form.get('code_verifier') ?? '')
          .digest('base64url');
        if (challenge !== issued.codeChallenge) {
          return json(400, { error: 'invalid_grant', error_description: 'PKCE verifier does not match' });
        }
        this.refreshToken = `refresh-${randomUUID()}`;
      } else if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== this.refreshToken) {
        return json(400, { error: 'invalid_grant', error_description: 'refresh token unknown' });
      }
      this.accessToken = `access-${randomUUID()}`;
      return json(200, {
        access_token: this.accessToken,
        token_type: 'Bearer',
        expires_in: 3600,
        refresh_token: this.refreshToken,
      });
    }
    if (url.pathname === '/me') {
      const allowed = this.accessToken && req.headers.authorization === `Bearer ${this.accessToken}`;
      return allowed ? json(200, { me: 'connected' }) : json(401, { error: 'invalid_token' });
    }
    json(404, { error: 'not_found' });
  }
}
