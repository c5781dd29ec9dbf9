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

function auditRow(org: OrgContext, entry: AuditEntry): Prisma.AuditEventCreateManyInput {
  return {
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
  };
}

/**
 * Appends to the org's audit log, with who acted and from where. The action has already
 * happened when this runs, so a failed write is logged loudly rather than undoing it.
 */
export async function recordAudit(org: OrgContext, entry: AuditEntry): Promise<void> {
  try {
    await orgDb(org.orgId).auditEvent.create({ data: auditRow(org, entry) });
  } catch (error) {
    log.error('audit event not recorded', { action: entry.action, targetId: entry.targetId, error });
  }
}

/**
 * Appends to the audit log inside the caller's org-scoped transaction (withOrgTransaction), so
 * the change and its record commit together or not at all: for changes that must never exist
 * unaudited, such as a run's start. A failed write fails the transaction.
 */
export async function recordAuditIn(tx: Prisma.TransactionClient, org: OrgContext, entry: AuditEntry): Promise<void> {
  // createMany: no row to read back, so the insert needs no RETURNING.
  await tx.auditEvent.createMany({ data: [auditRow(org, entry)] });
}

/** For work done by the platform itself (a run using a credential), attributed to the run. */
export async function recordSystemAudit(orgId: string, entry: AuditEntry): Promise<void> {
  await recordAudit(
    { orgId, orgName: '', userId: '', role: 'VIEWER', actor: { type: 'SYSTEM', id: 'worker', label: 'workflow run' } },
    entry,
  );
}
