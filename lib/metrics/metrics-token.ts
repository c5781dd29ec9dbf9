import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiError } from '../api/api-error';
import { serverEnv } from '../config/server-env';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Lets the request through only with `Authorization: Bearer <METRICS_TOKEN>`. */
export function assertMetricsScraper(req: Request): void {
  const expected = serverEnv().METRICS_TOKEN;
  if (!expected) {
    throw new ApiError(404, 'not_found', 'Metrics are off: set METRICS_TOKEN to serve GET /api/metrics');
  }
  const presented = /^Bearer (\S+)$/i.exec(req.headers.get('authorization') ?? '')?.[1];
  if (!presented) {
    throw new ApiError(401, 'unauthenticated', 'Send "Authorization: Bearer <METRICS_TOKEN>"');
  }
  // Compared as fixed-length digests, so the time taken says nothing about the token.
  if (!timingSafeEqual(digest(presented), digest(expected))) {
    throw new ApiError(401, 'invalid_authorization', 'The bearer token is not the METRICS_TOKEN');
  }
}
