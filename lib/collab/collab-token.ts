import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

// The web app vouches for a collab connection with a short-lived token: who (user), where (org
// and workflow) and how (edit or view). The collab server trusts nothing else. It is signed with a
// key derived from AUTH_SECRET, which both processes already have.

export const COLLAB_TOKEN_LIFETIME_S = 10 * 60;

export const collabClaimsSchema = z.object({
  sub: z.string().min(1),
  org: z.uuid(),
  wf: z.uuid(),
  /** `edit` for those who may change the workflow, `view` for viewers; `service` is the web app itself. */
  access: z.enum(['edit', 'view', 'service']),
  exp: z.number().int(),
});

export type CollabClaims = z.infer<typeof collabClaimsSchema>;

/** The document a workflow's draft lives in: org first, so a token for one org names no other. */
export const draftDocumentName = (orgId: string, workflowId: string) => `${orgId}/${workflowId}`;

function signingKey(): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not set: the web app and the collab server need the same one');
  return createHmac('sha256', secret).update('floworchestrator collab token v1').digest();
}

const sign = (payload: string) => createHmac('sha256', signingKey()).update(payload).digest('base64url');

export function signCollabToken(claims: Omit<CollabClaims, 'exp'>, now = Date.now()): string {
  const payload = Buffer.from(
    JSON.stringify({ ...claims, exp: Math.floor(now / 1000) + COLLAB_TOKEN_LIFETIME_S }),
  ).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

export class CollabTokenRefused extends Error {
  override name = 'CollabTokenRefused';
}

/** The claims of a token this deployment signed and that has not expired; refuses anything else. */
export function verifyCollabToken(token: string, now = Date.now()): CollabClaims {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) throw new CollabTokenRefused('malformed token');
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new CollabTokenRefused('bad signature');
  }
  let claims: CollabClaims;
  try {
    claims = collabClaimsSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    throw new CollabTokenRefused('unreadable claims');
  }
  if (claims.exp * 1000 <= now) throw new CollabTokenRefused('expired');
  return claims;
}
