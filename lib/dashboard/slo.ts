import { z } from 'zod';
import type { OrgContext } from '../auth/current-org';
import { recordAudit } from '../audit/record';
import type { Prisma } from '../db/generated/client';
import { orgDb } from '../db/tenant';

/** An org's service-level objective for run success, as admins set it. */
export const sloSchema = z.object({
  objectivePercent: z
    .number({ error: 'objectivePercent must be a number, e.g. 99.95' })
    .gt(0, { error: 'objectivePercent must be above 0' })
    .lt(100, { error: 'objectivePercent must be below 100 (100% leaves no error budget)' }),
  windowDays: z
    .number({ error: 'windowDays must be a whole number of days' })
    .int({ error: 'windowDays must be a whole number of days' })
    .min(1, { error: 'windowDays must be at least 1' })
    .max(90, { error: 'windowDays must be at most 90' }),
});

export type Slo = z.infer<typeof sloSchema>;

export const DEFAULT_SLO: Slo = { objectivePercent: 99.95, windowDays: 30 };

// Kept in the org's settings JSON beside the other settings; a missing or damaged value is the default.
const storedSettings = z.looseObject({ slo: sloSchema.catch(DEFAULT_SLO).default(DEFAULT_SLO) });

async function readSettings(orgId: string) {
  const org = await orgDb(orgId).org.findUnique({ where: { id: orgId }, select: { settings: true } });
  return storedSettings.parse(org?.settings ?? {});
}

export async function readOrgSlo(orgId: string): Promise<Slo> {
  return (await readSettings(orgId)).slo;
}

/** Replaces the org's SLO; audited with the objective before and after. */
export async function updateOrgSlo(org: OrgContext, slo: Slo): Promise<Slo> {
  const settings = await readSettings(org.orgId);
  await orgDb(org.orgId).org.update({
    where: { id: org.orgId },
    data: { settings: { ...settings, slo } as Prisma.InputJsonValue },
  });
  await recordAudit(org, {
    action: 'org.slo.update',
    targetType: 'org',
    targetId: org.orgId,
    data: { before: settings.slo, after: slo },
  });
  return slo;
}
