import { z } from 'zod';
import type { OrgContext } from '../auth/current-org';
import { recordAudit } from '../audit/record';
import type { Prisma } from '../db/generated/client';
import { orgDb } from '../db/tenant';

const days = (field: string) =>
  z
    .number({ error: `${field} must be a whole number of days` })
    .int({ error: `${field} must be a whole number of days` })
    .min(1, { error: `${field} must be at least 1` })
    .max(3650, { error: `${field} must be at most 3650 (ten years)` });

/** How long an org keeps ended runs (with their steps, logs and payloads) and log lines. */
export const retentionSchema = z
  .object({ runDays: days('runDays'), logDays: days('logDays') })
  .refine((retention) => retention.logDays <= retention.runDays, {
    error: "logDays must not exceed runDays: a run's log lines are deleted with the run",
    path: ['logDays'],
  });

export type Retention = z.infer<typeof retentionSchema>;

export const DEFAULT_RETENTION: Retention = { runDays: 90, logDays: 30 };

// Kept in the org's settings JSON beside the other settings; a missing or damaged value is the default.
const storedSettings = z.looseObject({
  retention: retentionSchema.catch(DEFAULT_RETENTION).default(DEFAULT_RETENTION),
});

async function readSettings(orgId: string) {
  const org = await orgDb(orgId).org.findUnique({ where: { id: orgId }, select: { settings: true } });
  return storedSettings.parse(org?.settings ?? {});
}

export async function readOrgRetention(orgId: string): Promise<Retention> {
  return (await readSettings(orgId)).retention;
}

/** Replaces the org's retention; audited with the periods before and after. */
export async function updateOrgRetention(org: OrgContext, retention: Retention): Promise<Retention> {
  const settings = await readSettings(org.orgId);
  await orgDb(org.orgId).org.update({
    where: { id: org.orgId },
    data: { settings: { ...settings, retention } as Prisma.InputJsonValue },
  });
  await recordAudit(org, {
    action: 'org.retention.update',
    targetType: 'org',
    targetId: org.orgId,
    data: { before: settings.retention, after: retention },
  });
  return retention;
}
