import type { OrgContext } from '../auth/current-org';
import { recordAudit } from '../audit/record';
import { db } from '../db/client';
import { withOrgTransaction } from '../db/tenant';
import type { Prisma } from '../db/generated/client';
import { createLogger } from '../logging/logger';
import { readOrgRetention } from './retention-settings';

const log = createLogger({ component: 'retention' });

export const PRUNE_AUDIT_ACTION = 'retention.prune';
const DAY_MS = 24 * 60 * 60 * 1000;

/** What one org lost to its retention periods in one pass. */
export interface OrgPrune {
  orgId: string;
  /** Ended runs deleted, with their steps and payloads (and any log lines left). */
  runs: number;
  /** Log lines deleted for their age. */
  logs: number;
  runsEndedBefore: string;
  logsBefore: string;
}

export interface PruneOptions {
  now?: Date;
  /** Rows per DELETE statement; each statement is its own short transaction. */
  batchSize?: number;
}

// The platform itself prunes: that is who the audit log names.
const retentionActor = (orgId: string): OrgContext => ({
  orgId,
  orgName: '',
  userId: '',
  role: 'VIEWER',
  actor: { type: 'SYSTEM', id: 'retention', label: 'retention job' },
});

/**
 * Deletes, in every org, the runs that ended longer ago than its run retention and the log lines
 * older than its log retention, in batches that each hold their locks only briefly, and writes
 * one audit event per org that lost anything, with the counts.
 */
export async function pruneExpired(options: PruneOptions = {}): Promise<OrgPrune[]> {
  const { now = new Date(), batchSize = 1000 } = options;
  // Org by org: the app's role sees the rows of the org a transaction names only.
  const orgs = await db().org.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  const pruned: OrgPrune[] = [];
  for (const org of orgs) {
    const retention = await readOrgRetention(org.id);
    const logsBefore = new Date(now.getTime() - retention.logDays * DAY_MS);
    const runsEndedBefore = new Date(now.getTime() - retention.runDays * DAY_MS);
    // Lines first: a run past its retention has ended before the log cutoff too, so the runs'
    // own deletes find (almost) no lines left to cascade to.
    const logs = await deleteInBatches(
      org.id,
      batchSize,
      (tx) => tx.$executeRaw`
        DELETE FROM run_logs WHERE id IN (
          SELECT id FROM run_logs WHERE org_id = ${org.id}::uuid AND ts < ${logsBefore} LIMIT ${batchSize})`,
    );
    // A webhook's call records are its access log: they go with the log lines, uncounted.
    await deleteInBatches(
      org.id,
      batchSize,
      (tx) => tx.$executeRaw`
        DELETE FROM webhook_calls WHERE id IN (
          SELECT id FROM webhook_calls WHERE org_id = ${org.id}::uuid AND created_at < ${logsBefore} LIMIT ${batchSize})`,
    );
    // Events and their deliveries are the bus's log: they go with the log lines too, uncounted,
    // but never before Temporal has taken them (an undispatched event is yet to be delivered).
    await deleteInBatches(
      org.id,
      batchSize,
      (tx) => tx.$executeRaw`
        DELETE FROM events WHERE id IN (
          SELECT id FROM events WHERE org_id = ${org.id}::uuid AND created_at < ${logsBefore}
          AND dispatched_at IS NOT NULL LIMIT ${batchSize})`,
    );
    // Steps and payloads go with their run (ON DELETE CASCADE). Runs still going are never
    // deleted: only those with an end are.
    const runs = await deleteInBatches(
      org.id,
      batchSize,
      (tx) => tx.$executeRaw`
        DELETE FROM runs WHERE id IN (
          SELECT id FROM runs WHERE org_id = ${org.id}::uuid AND ended_at < ${runsEndedBefore}
          ORDER BY ended_at LIMIT ${batchSize} FOR UPDATE SKIP LOCKED)`,
    );
    if (runs === 0 && logs === 0) continue;
    const prune = {
      orgId: org.id,
      runs,
      logs,
      runsEndedBefore: runsEndedBefore.toISOString(),
      logsBefore: logsBefore.toISOString(),
    };
    await recordAudit(retentionActor(org.id), {
      action: PRUNE_AUDIT_ACTION,
      targetType: 'org',
      targetId: org.id,
      data: { runs, logs, runsEndedBefore: prune.runsEndedBefore, logsBefore: prune.logsBefore },
    });
    log.info('expired runs and logs pruned', prune);
    pruned.push(prune);
  }
  return pruned;
}

/** Runs `deleteBatch` until it deletes fewer than a full batch; the total deleted. */
async function deleteInBatches(
  orgId: string,
  batchSize: number,
  deleteBatch: (tx: Prisma.TransactionClient) => Promise<number>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await withOrgTransaction(orgId, deleteBatch, { timeout: 60_000 });
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
