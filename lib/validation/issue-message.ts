import type { ZodError } from 'zod';

/**
 * The first problem of a failed parse as one line naming its field (`value.token: token is
 * empty`), the way every API error and form message reports bad input. `prefix` names where the
 * parsed value sits in the request (`value` for a credential's value).
 */
export function firstIssueMessage(error: ZodError, prefix?: string): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid request';
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  return `${path || 'body'}: ${issue.message}`;
}
