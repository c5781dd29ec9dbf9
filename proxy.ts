import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import type { Session } from 'next-auth';
import { auth } from '@/lib/auth/next-auth';
import { errorResponse } from '@/lib/api/errors';
import { assertDeclaredSizeAllowed } from '@/lib/api/request-limits';
import { normalizeForwarding } from '@/lib/auth/request-origin';

// Next 16 renamed middleware.ts to proxy.ts. It runs before every matched request: it refreshes
// (and rotates) the session cookie, sends signed-out visitors of pages to sign-in, makes the
// forwarding headers say only what is known, refuses API bodies that declare an oversized length,
// and sets the security headers. Authorization is never decided here alone: route handlers and
// lib/ functions check it where data is touched.

// Pages a signed-out visitor may open. API routes answer 401 themselves (or accept API keys).
const PUBLIC_PAGES = [/^\/sign-in$/, /^\/sign-up$/, /^\/invite\/[^/]+$/];
// Auth.js names it with a __Secure- prefix over HTTPS, and splits large ones into .0, .1, ….
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

function contentSecurityPolicy(nonce: string): string {
  // React's development build evaluates code; production needs no eval.
  const devEval = process.env.NODE_ENV === 'production' ? '' : " 'unsafe-eval'";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${devEval}`,
    // Tailwind and the theme switcher set inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // The collaboration server is a WebSocket on its own port.
    "connect-src 'self' ws: wss:",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

function signInRedirect(request: NextRequest) {
  const url = new URL('/sign-in', request.nextUrl);
  const back = request.nextUrl.pathname + request.nextUrl.search;
  if (back !== '/') url.searchParams.set('callbackUrl', back);
  return NextResponse.redirect(url);
}

function route(request: NextRequest, session: Session | null) {
  const { pathname } = request.nextUrl;
  // Files (icons, images from public/) are not pages: they must load on the sign-in page too.
  const isPage = !pathname.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(pathname);
  if (isPage && !session && !PUBLIC_PAGES.some((page) => page.test(pathname))) {
    return signInRedirect(request);
  }
  return withSecurityHeaders(request);
}

// Auth.js's wrapper resolves the session and writes the refreshed (possibly rotated) cookie.
const withSession = auth((request: NextRequest & { auth: Session | null }) => route(request, request.auth));

export function proxy(request: NextRequest, event: NextFetchEvent) {
  // Uploads are checked against the file store's own limit (lib/files), which stays below 10 MB.
  const isUpload = request.method === 'POST' && request.nextUrl.pathname === '/api/files';
  if (request.nextUrl.pathname.startsWith('/api/') && !isUpload) {
    // Past 10 MB Next cuts the body it buffers for this proxy without a word, and the route would
    // read broken JSON; a declared length says it all up front (readJson counts the rest).
    try {
      assertDeclaredSizeAllowed(request.headers);
    } catch (error) {
      return errorResponse(error);
    }
  }
  // Without a session cookie there is nothing to refresh, and Auth.js's own endpoints manage
  // their cookies themselves: running the wrapper there would set a second CSRF cookie.
  const hasSession = request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name));
  if (!hasSession || request.nextUrl.pathname.startsWith('/api/auth/')) return route(request, null);
  // The wrapper is typed for route handlers; in a proxy its second argument is the fetch event.
  return withSession(request, event as never);
}

function withSecurityHeaders(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  normalizeForwarding(requestHeaders);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('X-Frame-Options', 'DENY');
  response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  response.headers.set('X-Request-Id', request.headers.get('x-request-id') ?? crypto.randomUUID());
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
