import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OidcUser {
  sub: string;
  email: string;
  name: string;
  email_verified: boolean;
}

const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

/**
 * A local OpenID Connect provider for sign-in tests: discovery, an authorize endpoint that signs
 * in whoever the test named last (no login form), a token endpoint checking the client secret
 * and PKCE, and RS256 ID tokens with a published key.
 */
export class FakeOidcProvider {
  readonly clientId = 'flow-test-client';
  readonly clientSecret = `oidc-secret-${randomUUID()}`;
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly keyId = randomUUID();
  private readonly codes = new Map<string, { user: OidcUser; nonce?: string; challenge?: string }>();
  private readonly accessTokens = new Map<string, OidcUser>();
  private nextUser?: OidcUser;
  private server?: http.Server;
  issuer = '';

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => this.handle(req, res, body));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.issuer;
  }

  stop() {
    this.server?.closeAllConnections();
    return new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private json(res: http.ServerResponse, status: number, value: unknown) {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, body: string) {
    const url = new URL(req.url ?? '/', this.issuer);
    switch (`${req.method} ${url.pathname}`) {
      case 'GET /.well-known/openid-configuration':
        return this.json(res, 200, {
          issuer: this.issuer,
          authorization_endpoint: `${this.issuer}/authorize`,
          token_endpoint: `${this.issuer}/token`,
          jwks_uri: `${this.issuer}/jwks`,
          userinfo_endpoint: `${this.issuer}/userinfo`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
        });
      case 'GET /jwks':
        return this.json(res, 200, {
          keys: [{ ...this.keys.publicKey.export({ format: 'jwk' }), kid: this.keyId, alg: 'RS256', use: 'sig' }],
        });
      // Test control: who the next authorization signs in.
      case 'POST /next-user':
        this.nextUser = JSON.parse(body) as OidcUser;
        return this.json(res, 204, {});
      case 'GET /authorize': {
        if (url.searchParams.get('client_id') !== this.clientId || !this.nextUser) {
          return this.json(res, 400, { error: 'invalid_request' });
        }
        const code = randomUUID();
        this.codes.set(code, {
          user: this.nextUser,
          nonce: url.searchParams.get('nonce') ?? undefined,
          challenge: url.searchParams.get('code_challenge') ?? undefined,
        });
        const back = new URL(url.searchParams.get('redirect_uri')!);
        back.searchParams.set('code', code);
        const state = url.searchParams.get('state');
        if (state) back.searchParams.set('state', state);
        res.writeHead(302, { location: back.toString() }).end();
        return;
      }
      case 'POST /token':
        return this.token(req, res, new URLSearchParams(body));
      case 'GET /userinfo': {
        const user = this.accessTokens.get(String(req.headers.authorization).replace(/^Bearer /, ''));
        return user ? this.json(res, 200, user) : this.json(res, 401, { error: 'invalid_token' });
      }
      default:
        return this.json(res, 404, { error: 'not_found' });
    }
  }

  private token(req: http.IncomingMessage, res: http.ServerResponse, form: URLSearchParams) {
    const client = Buffer.from(String(req.headers.authorization).replace(/^Basic /, ''), 'base64').toString();
    const [id, secret] = client.split(':').map(decodeURIComponent);
    if (id !== this.clientId || secret !== this.clientSecret) return this.json(res, 401, { error: 'invalid_client' });
    const grant = this.codes.get(form.get('code') ?? '');
    this.codes.delete(form.get('code') ?? '');
    const verifier = form.get('code_verifier') ?? '';
    if (!grant || (grant.challenge && base64url(createHash('sha256').update(verifier).digest()) !== grant.challenge)) {
      return this.json(res, 400, { error: 'invalid_grant' });
    }
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: this.keyId }));
    const claims = base64url(
      JSON.stringify({
        iss: this.issuer,
        aud: this.clientId,
        iat: now,
        exp: now + 300,
        ...(grant.nonce ? { nonce: grant.nonce } : {}),
        ...grant.user,
      }),
    );
    const signature = base64url(sign('sha256', Buffer.from(`${header}.${claims}`), this.keys.privateKey));
    const accessToken = randomUUID();
    this.accessTokens.set(accessToken, grant.user);
    this.json(res, 200, {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: 300,
      id_token: `${header}.${claims}.${signature}`,
    });
  }
}
