import { NextResponse, type NextRequest } from 'next/server';

// Next 16 renamed middleware.ts to proxy.ts. It runs before every matched request; it only
// tags responses for now. Authorization is never decided here alone: route handlers and
// lib/ functions check it where data is touched.
export function proxy(request: NextRequest) {
  const response = NextResponse.next();
  response.headers.set('X-Request-Id', request.headers.get('x-request-id') ?? crypto.randomUUID());
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
