import { currentOrg, type OrgContext } from '../auth/current-org';
import { assertAllowed, type Action } from '../auth/policy';
import { identityFromApiKey } from '../auth/api-keys';
import { originFrom } from '../auth/request-origin';
import { isSameOriginMutation } from '../auth/same-origin';
import { enforceApiLimits } from '../rate-limit/api-limits';
import { ApiError, errorResponse } from './errors';
import { assertJsonStorable, readLimitedText } from './request-limits';
import { routePattern } from './route-pattern';
import { smallJsonUncompressed } from './small-json-uncompressed';
import { processMetrics } from '../metrics/registry';

// The whole header: one space, then one token of the characters RFC 6750 allows, nothing after.
const BEARER = /^Bearer ([\w.~+/-]+=*)$/i;

interface HandlerContext<Params> {
  org: OrgContext;
  req: Request;
  params: Params;
}

/**
 * An `Authorization: Bearer` API key when present; otherwise the signed-in session, whose
 * state-changing requests must come from this app's own pages (CSRF).
 */
async function identify(req: Request): Promise<OrgContext> {
  const authorization = req.headers.get('authorization');
  if (authorization) {
    const key = BEARER.exec(authorization)?.[1];
    if (!key) throw new ApiError(401, 'invalid_authorization', 'Authorization must be "Bearer <API key>"');
    return identityFromApiKey(key);
  }
  const org = await currentOrg();
  if (!org) {
    throw new ApiError(401, 'unauthenticated', 'Sign in, or send "Authorization: Bearer <API key>"');
  }
  if (!isSameOriginMutation(req)) {
    throw new ApiError(403, 'cross_origin', 'Cookie-authenticated changes must come from this app (Origin mismatch)');
  }
  return org;
}

/**
 * Wraps a route handler: resolves who is asking and in which org, checks the action against
 * the policy table, and turns any thrown error into the API's JSON error format.
 */
export function withOrg<Params = Record<string, never>>(
  action: Action,
  handler: (context: HandlerContext<Params>) => Promise<Response>,
) {
  return async (req: Request, route: { params: Promise<Params> }) => {
    const params = await route.params;
    const timer = processMetrics().httpDuration.startTimer({ method: req.method });
    let response: Response;
    try {
      const org = { ...(await identify(req)), origin: originFrom(req.headers) };
      await enforceApiLimits(org);
      assertAllowed(org.role, action);
      response = await handler({ org, req, params });
    } catch (error) {
      response = errorResponse(error);
    }
    timer({ route: routePattern(new URL(req.url).pathname, params), status: String(response.status) });
    return smallJsonUncompressed(response);
  };
}

/**
 * Parses a JSON object body within the API's limits (lib/api/request-limits.ts); an empty body
 * counts as `{}`. A SyntaxError is turned into a 400 here, where it can only mean the body.
 * Every body this API accepts is an object, so anything else is refused here, once.
 */
export async function readJson(req: Request): Promise<Record<string, unknown>> {
  const text = await readLimitedText(req);
  if (text.trim() === '') return {};
  assertJsonStorable(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, 'invalid_json', `The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    const message = `The request body must be a JSON object, not ${kind}`;
    // Shaped as a schema's refusal is: the path at fault, here the body itself.
    throw new ApiError(400, 'invalid_request', message, [{ path: '', message }]);
  }
  return value as Record<string, unknown>;
}
