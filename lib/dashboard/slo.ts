import { z } from 'zod';
import type { OrgContext } from '../auth/current-org';
import { orgSetting } from '../orgs/org-setting';

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

const slo = orgSetting({ key: 'slo', schema: sloSchema, fallback: DEFAULT_SLO, auditAction: 'org.slo.update' });

export const readOrgSlo = (orgId: string): Promise<Slo> => slo.read(orgId);

/** Replaces the org's SLO; audited with the objective before and after. */
export const updateOrgSlo = (org: OrgContext, value: Slo): Promise<Slo> => slo.update(org, value);
