import { webEnv } from '../config/web-env';

// What a proxy in front writes about the client's request. Next fills in each of them from the
// connection when a request has none, so dropping what a client sent leaves Next's own values.
const FORWARDING_HEADERS = [
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
];

/**
 * Makes the forwarding headers everything downstream reads (route handlers, Next's own origin
 * check of server actions, Auth.js inside them) say only what is known: what a client sent is
 * dropped unless a proxy is declared in front (TRUST_PROXY), and the public URL, when set, names
 * the host and scheme. proxy.ts applies this before any route or page runs.
 */
export function normalizeForwarding(headers: Headers): void {
  const { publicUrl, trustProxy } = webEnv();
  if (!trustProxy) for (const name of FORWARDING_HEADERS) headers.delete(name);
  if (!publicUrl) return;
  const { host, protocol } = new URL(publicUrl);
  headers.set('x-forwarded-host', host);
  headers.set('x-forwarded-proto', protocol.replace(/:$/, ''));
}

/**
 * Where a request came from, for the audit log. The last X-Forwarded-For entry is the address the
 * nearest hop saw: the declared proxy's client, or the connection itself as Next records it.
 */
export function originFrom(headers: Headers): { ip?: string; userAgent?: string } {
  const ip = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  return { ip: ip || undefined, userAgent: headers.get('user-agent') ?? undefined };
}

/**
 * The app's address (`https://flow.example.com`): the configured public URL; without one, the
 * Host header (or a declared proxy's forwarded host and scheme). Never the request object's URL:
 * Next reports loopback addresses there as `localhost`, a different host for the browser's cookies.
 */
export function requestBaseUrl(headers: Headers): string | undefined {
  const { publicUrl, trustProxy } = webEnv();
  if (publicUrl) return publicUrl;
  const forwarded = (name: string) => (trustProxy ? headers.get(name) : null);
  const host = forwarded('x-forwarded-host') ?? headers.get('host');
  if (!host) return undefined;
  return `${forwarded('x-forwarded-proto') ?? 'http'}://${host}`;
}
