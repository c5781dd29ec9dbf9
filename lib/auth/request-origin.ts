/** Where a request came from, for the audit log. Behind a proxy the client is the first forwarded address. */
export function originFrom(headers: Headers): { ip?: string; userAgent?: string } {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return { ip: forwarded || headers.get('x-real-ip') || undefined, userAgent: headers.get('user-agent') ?? undefined };
}
