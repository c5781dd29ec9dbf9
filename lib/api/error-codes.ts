// Every error code the API answers with, and its one HTTP status. ApiError takes a code from
// here, and TypeScript holds the status to the one listed, so a code never means two things.
export const ERROR_STATUS = {
  invalid_request: 400,
  invalid_json: 400,
  json_too_deep: 400,
  wrong_password: 400,
  unauthenticated: 401,
  invalid_authorization: 401,
  invalid_api_key: 401,
  forbidden: 403,
  cross_origin: 403,
  wrong_account: 403,
  not_an_approver: 403,
  not_found: 404,
  version_not_found: 404,
  conflict: 409,
  not_published: 409,
  run_finished: 409,
  run_not_failed: 409,
  publish_conflict: 409,
  last_owner: 409,
  email_taken: 409,
  already_member: 409,
  approval_rejected: 409,
  payload_too_large: 413,
  invalid_definition: 422,
  rate_limited: 429,
  concurrency_limit: 429,
  internal_error: 500,
  overloaded: 503,
  engine_unavailable: 503,
  collab_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorStatus<Code extends ErrorCode> = (typeof ERROR_STATUS)[Code];
