import { orgDb } from '../db/tenant';
import type { Prisma } from '../db/generated/client';
import type { OrgContext } from '../auth/current-org';
import { createLogger } from '../logging/logger';

const log = createLogger({ component: 'audit' });

export interface AuditEntry {
  /** `<object>.<verb>`, e.g. `workflow.publish`, `run.cancel`, `credential.use`. */
  action: string;
  targetType?: string;
  targetId?: string;
  data?: Record<string, unknown>;
}

/**
 * Appends to the org's audit log, with who acted and from where. The action has already
 * happened when this runs, so a failed write is logged loudly rather than undoing it.
 */
export async function recordAudit(org: OrgContext, entry: AuditEntry): Promise<void> {
  try {
    await orgDb(org.orgId).auditEvent.create({
      data: {
        orgId: org.orgId,
        actorType: org.actor.type,
        actorId: org.actor.id,
        actorLabel: org.actor.label,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId,
        ip: org.origin?.ip,
        userAgent: org.origin?.userAgent,
        data: entry.data as Prisma.InputJsonValue | undefined,
      },
    });
  } catch (error) {
    log.error('audit event not recorded', { action: entry.action, targetId: entry.targetId, error });
  }
}

/** For work done by the platform itself (a run using a credential), attributed to the run. */
export async function recordSystemAudit(orgId: string, entry: AuditEntry): Promise<void> {
  await recordAudit(
    { orgId, orgName: '', userId: '', role: 'VIEWER', actor: { type: 'SYSTEM', id: 'worker', label: 'workflow run' } },
    entry,
  );
}
