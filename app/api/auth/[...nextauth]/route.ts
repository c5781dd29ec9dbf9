import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/next-auth';
import { requestBaseUrl } from '@/lib/auth/request-origin';

/**
 * The request at the app's own address (its public URL, else the Host header), from which
 * Auth.js builds OAuth callback and redirect URLs. Not Next's request URL: that says `localhost`
 * for any loopback address (`127.0.0.1`), a host the browser's cookies do not belong to.
 */
async function atAppUrl(request: NextRequest): Promise<NextRequest> {
  const base = requestBaseUrl(request.headers);
  // With AUTH_URL set, Auth.js moves the request there itself, from a NextRequest only.
  if (!base || process.env.AUTH_URL) return request;
  const url = `${base}${request.nextUrl.pathname}${request.nextUrl.search}`;
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  // A plain Request keeps the address as given; Auth.js reads only its url, headers and body.
  return new Request(url, { method: request.method, headers: request.headers, body }) as NextRequest;
}

// Auth.js endpoints: sign-in callbacks, CSRF token, session, sign-out.
export const GET = async (request: NextRequest) => handlers.GET(await atAppUrl(request));
export const POST = async (request: NextRequest) => handlers.POST(await atAppUrl(request));
