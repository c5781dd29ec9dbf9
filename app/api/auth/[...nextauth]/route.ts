import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/next-auth';
import { requestBaseUrl } from '@/lib/auth/request-origin';

/**
 * The request with the URL the browser used. Next's request URL says `localhost` for any
 * loopback address (`127.0.0.1`), and Auth.js builds OAuth callback and redirect URLs from it,
 * which would send the browser to a host its cookies do not belong to. The Host header is
 * trusted, as `trustHost` says; AUTH_URL, when set, wins inside Auth.js anyway.
 */
async function withRequestedUrl(request: NextRequest): Promise<NextRequest> {
  const base = requestBaseUrl(request.headers, request.nextUrl.protocol.replace(/:$/, ''));
  if (!base || process.env.AUTH_URL) return request;
  const url = `${base}${request.nextUrl.pathname}${request.nextUrl.search}`;
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  // A plain Request keeps the address as given; Auth.js reads only its url, headers and body.
  return new Request(url, { method: request.method, headers: request.headers, body }) as NextRequest;
}

// Auth.js endpoints: sign-in callbacks, CSRF token, session, sign-out.
export const GET = async (request: NextRequest) => handlers.GET(await withRequestedUrl(request));
export const POST = async (request: NextRequest) => handlers.POST(await withRequestedUrl(request));
