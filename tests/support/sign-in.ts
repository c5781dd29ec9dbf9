import { createHash } from 'node:crypto';
import { decode } from 'next-auth/jwt';
import { inject } from 'vitest';

/** The `name=value` pairs a response sets, as one Cookie header. */
export function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/**
 * Signs in through Auth.js's own endpoints as a browser's form post would (CSRF token first)
 * and returns the session cookie, ready for a Cookie header.
 */
export async function signInOverHttp(webUrl: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${webUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${webUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(csrfResponse) },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  const session = cookieHeader(response)
    .split('; ')
    .find((cookie) => cookie.startsWith('authjs.session-token='));
  if (!session) throw new Error(`Sign-in as ${email} failed: ${response.status} ${response.headers.get('location')}`);
  return session;
}

/** The `sessions.session_token` a session cookie stands for (the cookie is an encrypted JWT naming it). */
export async function sessionTokenHash(cookie: string): Promise<string> {
  const [name, value] = cookie.split(/=(.*)/s, 2);
  const token = await decode({ token: value, secret: inject('platform').authSecret, salt: name });
  return createHash('sha256').update(String(token?.sid)).digest('hex');
}
