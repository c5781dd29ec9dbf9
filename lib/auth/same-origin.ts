import { requestBaseUrl } from './request-origin';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF guard for requests authenticated by cookie: a state-changing request must come from a
 * page of this app. Browsers always send Origin on such requests (and Sec-Fetch-Site when they
 * support it), so a missing or foreign origin means another site or a script replaying a cookie.
 * The app's own origin is its public URL, never one a request's headers claim.
 */
export function isSameOriginMutation(req: Request): boolean {
  if (SAFE_METHODS.has(req.method)) return true;
  const fetchSite = req.headers.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin') return false;
  const origin = req.headers.get('origin');
  if (!origin) return false;
  const base = requestBaseUrl(req.headers);
  try {
    return base !== undefined && new URL(origin).origin === new URL(base).origin;
  } catch {
    return false;
  }
}
