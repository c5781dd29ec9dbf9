import { orgDb } from '../../lib/db/tenant';
import type { Prisma } from '../../lib/db/generated/client';
import type { NodeLogEntry } from '../../lib/connectors/define-node';
import { redis } from '../../lib/redis/client';
import { runEventsChannel } from '../../lib/events/run-events';

/** Stores a node's log lines in the run log and publishes them to the run's live view. */
export async function writeRunLogs(where: { orgId: string; runId: string; nodeId: string }, entries: NodeLogEntry[]) {
  if (entries.length === 0) return;
  const ts = new Date();
  await orgDb(where.orgId).runLog.createMany({
    data: entries.map((entry) => ({
      ...where,
      level: entry.level,
      message: entry.message,
      data: entry.data as Prisma.InputJsonValue | undefined,
      ts,
    })),
  });
  await redis().publish(
    runEventsChannel(where.runId),
    JSON.stringify({ runId: where.runId, logs: entries.map((e) => ({ ...e, nodeId: where.nodeId, ts })) }),
  );
}
