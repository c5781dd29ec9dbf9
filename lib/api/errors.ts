import { ZodError } from 'zod';
import { createLogger } from '../logging/logger';
import { firstIssueMessage } from '../validation/issue-message';
import { ApiError } from './api-error';
import { fromPrismaError } from './prisma-errors';

export { ApiError };

const log = createLogger({ component: 'api' });

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} was not found`);

function body(code: string, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

/** The one place errors become HTTP responses: `{ error: { code, message, details } }`. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) {
    return Response.json(body(error.code, error.message, error.details), {
      status: error.status,
      headers: error.headers,
    });
  }
  if (error instanceof ZodError) {
    const details = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    return Response.json(body('invalid_request', firstIssueMessage(error), details), { status: 400 });
  }
  const mapped = fromPrismaError(error);
  if (mapped) return errorResponse(mapped);
  log.error('unhandled API error', { error });
  return Response.json(body('internal_error', 'Something went wrong on our side'), { status: 500 });
}
