import { db } from '../db/client';
import { orgDb, scopedDb } from '../db/tenant';
import { createLogger } from '../logging/logger';

const log = createLogger({ component: 'auth' });

/**
 * Records a sign-in attempt in the audit log of every org the account belongs to, so admins
 * see attempts on their members; attempts on unknown emails are kept without an org.
 */
export async function recordSignIn(input: {
  email: string;
  user?: { id: string } | null;
  origin: { ip?: string; userAgent?: string };
  outcome: 'success' | 'failure' | 'rate_limited';
}): Promise<void> {
  try {
    const account = input.user ?? (await db().user.findUnique({ where: { email: input.email }, select: { id: true } }));
    const orgIds = account
      ? (
          await scopedDb({ userId: account.id }).membership.findMany({
            where: { userId: account.id },
            select: { orgId: true },
          })
        ).map((m) => m.orgId)
      : [];
    const event = (orgId: string | null) => ({
      orgId,
      actorType: 'USER' as const,
      actorId: account?.id,
      actorLabel: input.email,
      action: input.outcome === 'success' ? 'auth.sign_in' : 'auth.sign_in_failed',
      targetType: 'user',
      targetId: account?.id,
      ip: input.origin.ip,
      userAgent: input.origin.userAgent,
      data: input.outcome === 'success' ? undefined : { reason: input.outcome },
    });
    // Row-level security: each org's event is written in that org's scope; one without an org
    // (unknown email) is insert-only.
    if (orgIds.length === 0) await db().auditEvent.createMany({ data: [event(null)] });
    for (const orgId of orgIds) await orgDb(orgId).auditEvent.createMany({ data: [event(orgId)] });
  } catch (error) {
    log.error('sign-in audit not recorded', { error });
  }
}
