import { z } from 'zod';
import { orgDb } from '../db/tenant';
import { PRUNE_AUDIT_ACTION } from './prune';

export interface LastPrune {
  at: string;
  runs: number;
  logs: number;
}

const pruneCounts = z.object({ runs: z.number().int(), logs: z.number().int() });

/** The org's latest prune that deleted anything, as its audit event recorded it; null if none yet. */
export async function readLastPrune(orgId: string): Promise<LastPrune | null> {
  const event = await orgDb(orgId).auditEvent.findFirst({
    where: { orgId, action: PRUNE_AUDIT_ACTION },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true, data: true },
  });
  const counts = pruneCounts.safeParse(event?.data);
  if (!event || !counts.success) return null;
  return { at: event.createdAt.toISOString(), ...counts.data };
}
