import type { z } from 'zod';
import type { OrgContext } from '../auth/current-org';
import { recordAuditIn } from '../audit/record';
import { orgDb, withOrgTransaction } from '../db/tenant';

export interface OrgSetting<T> {
  /** The org's value; the default when it never set one, or the stored one no longer parses. */
  read(orgId: string): Promise<T>;
  /** Replaces the value, audited with the value before and after. */
  update(org: OrgContext, value: T): Promise<T>;
}

/**
 * One setting kept under `key` in the org's settings JSON, beside the org's other settings. An
 * update changes only its own key, under a row lock, so two settings saved at once never undo
 * each other.
 */
export function orgSetting<T>(options: {
  key: string;
  schema: z.ZodType<T>;
  fallback: T;
  /** The audit action of an update, e.g. `org.slo.update`. */
  auditAction: string;
}): OrgSetting<T> {
  const { key, schema, fallback, auditAction } = options;
  const parse = (stored: unknown): T => {
    const parsed = schema.safeParse(stored);
    return parsed.success ? parsed.data : fallback;
  };
  return {
    async read(orgId) {
      const org = await orgDb(orgId).org.findUnique({ where: { id: orgId }, select: { settings: true } });
      const settings = (org?.settings ?? {}) as Record<string, unknown>;
      return parse(settings[key]);
    },
    async update(org, value) {
      // The change and its audit event commit together.
      await withOrgTransaction(org.orgId, async (tx) => {
        const [row] = await tx.$queryRaw<{ value: unknown }[]>`
          SELECT settings -> ${key} AS value FROM orgs WHERE id = ${org.orgId}::uuid FOR UPDATE`;
        await tx.$executeRaw`
          UPDATE orgs SET settings = jsonb_set(COALESCE(settings, '{}'::jsonb), ARRAY[${key}], ${JSON.stringify(value)}::jsonb)
          WHERE id = ${org.orgId}::uuid`;
        const before = parse(row?.value);
        await recordAuditIn(tx, org, {
          action: auditAction,
          targetType: 'org',
          targetId: org.orgId,
          data: { before, after: value },
        });
      });
      return value;
    },
  };
}
