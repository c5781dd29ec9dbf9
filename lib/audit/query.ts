import { z } from 'zod';
import { orgDb } from '../db/tenant';
import type { Prisma } from '../db/generated/client';
import type { OrgContext } from '../auth/current-org';

export const auditQuery = z.object({
  action: z.string().optional(),
  actorId: z.string().optional(),
  targetId: z.string().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(100),
  format: z.enum(['json', 'csv']).default('json'),
});

export type AuditQuery = z.infer<typeof auditQuery>;

/** The org's audit events, newest first; `action` matches a prefix (`run.` finds every run event). */
export function listAuditEvents(org: OrgContext, query: AuditQuery) {
  const where: Prisma.AuditEventWhereInput = {
    orgId: org.orgId,
    ...(query.action ? { action: { startsWith: query.action } } : {}),
    ...(query.actorId ? { actorId: query.actorId } : {}),
    ...(query.targetId ? { targetId: query.targetId } : {}),
    ...(query.from || query.to
      ? {
          createdAt: {
            ...(query.from ? { gte: new Date(query.from) } : {}),
            ...(query.to ? { lt: new Date(query.to) } : {}),
          },
        }
      : {}),
  };
  return orgDb(org.orgId).auditEvent.findMany({ where, orderBy: { createdAt: 'desc' }, take: query.limit });
}

const CSV_COLUMNS = [
  'createdAt',
  'action',
  'actorType',
  'actorId',
  'actorLabel',
  'targetType',
  'targetId',
  'ip',
  'userAgent',
  'data',
] as const;

function csvCell(value: unknown): string {
  const text =
    value === null || value === undefined
      ? ''
      : value instanceof Date
        ? value.toISOString()
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  // Quote everything that could break the row, and defuse spreadsheet formulas.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(events: Awaited<ReturnType<typeof listAuditEvents>>): string {
  const rows = events.map((event) => CSV_COLUMNS.map((column) => csvCell(event[column])).join(','));
  return [CSV_COLUMNS.join(','), ...rows].join('\n') + '\n';
}
