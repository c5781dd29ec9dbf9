import { z } from 'zod';
import type { OrgContext } from '../auth/current-org';
import { orgSetting } from '../orgs/org-setting';

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

const retention = orgSetting({
  key: 'retention',
  schema: retentionSchema,
  fallback: DEFAULT_RETENTION,
  auditAction: 'org.retention.update',
});

export const readOrgRetention = (orgId: string): Promise<Retention> => retention.read(orgId);

/** Replaces the org's retention; audited with the periods before and after. */
export const updateOrgRetention = (org: OrgContext, value: Retention): Promise<Retention> =>
  retention.update(org, value);
