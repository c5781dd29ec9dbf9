import type { ErrorCode, ErrorStatus } from './error-codes';

/**
 * An error with a stable code, its HTTP status (lib/api/error-codes.ts: one per code, checked
 * by the compiler) and details a client can act on.
 */
export class ApiError<Code extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly status: ErrorStatus<Code>,
    readonly code: Code,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}
