import { ZodError } from 'zod';
import { ApiError } from '../api/api-error';
import { fromPrismaError } from '../api/prisma-errors';
import { requirePermission, type OrgContext } from '../auth/current-org';
import type { Action } from '../auth/policy';
import { firstIssueMessage } from '../validation/issue-message';

/** What a refused form action hands back to its form. */
export interface FormRefusal {
  error: string;
}

/**
 * The server actions' counterpart of `withOrg`: runs `work` for the signed-in member of the
 * current org when their role allows `permission`, and turns a refusal into `{ error }` with
 * the message the API would answer: a role without the permission, an ApiError, an invalid
 * value (a ZodError, named by its field), a Prisma conflict or missing row. Anything else is
 * thrown on, including Next's redirects.
 */
export async function orgFormAction<Result>(
  permission: Action,
  work: (org: OrgContext) => Promise<Result>,
): Promise<Result | FormRefusal> {
  try {
    return await work(await requirePermission(permission));
  } catch (error) {
    const refusal = error instanceof ApiError ? error : fromPrismaError(error);
    if (refusal) return { error: refusal.message };
    if (error instanceof ZodError) return { error: firstIssueMessage(error) };
    throw error;
  }
}
