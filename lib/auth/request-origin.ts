/** Where a request came from, for the audit log. Behind a proxy the client is the first forwarded address. */
export function originFrom(headers: Headers): { ip?: string; userAgent?: string } {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return { ip: forwarded || headers.get('x-real-ip') || undefined, userAgent: headers.get('user-agent') ?? undefined };
}

/**
 * The scheme and host the client used (`https://flow.example.com`), from the Host header or a
 * proxy's forwarded ones. Not the request object's URL: Next reports loopback addresses there as
 * `localhost`, a different host for the browser's cookies.
 */
export function requestBaseUrl(headers: Headers, fallbackProtocol = 'http'): string | undefined {
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  if (!host) return undefined;
  return `${headers.get('x-forwarded-proto') ?? fallbackProtocol}://${host}`;
}
