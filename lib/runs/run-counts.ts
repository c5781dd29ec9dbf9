import { orgDb } from '../db/tenant';
import type { OrgContext } from '../auth/current-org';
import type { RunStatus } from '../db/generated/enums';

/** Run counts per status over the last `windowMs`, every status present (zero when none). */
export async function countRunsByStatus(org: OrgContext, windowMs: number): Promise<Record<RunStatus, number>> {
  const since = new Date(Date.now() - windowMs);
  const groups = await orgDb(org.orgId).run.groupBy({
    by: ['status'],
    where: { orgId: org.orgId, createdAt: { gte: since } },
    _count: { _all: true },
  });
  const counts: Record<RunStatus, number> = {
    QUEUED: 0,
    RUNNING: 0,
    WAITING: 0,
    SUCCEEDED: 0,
    FAILED: 0,
    CANCELLED: 0,
  };
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}
