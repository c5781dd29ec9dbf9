import { eventTrigger } from '../connectors/nodes/event-trigger';
import { withOrgTransaction, orgDb } from '../db/tenant';
import type { WorkflowDefinition } from '../definition/schema';

/**
 * Keeps a workflow's event subscriptions in step with the version just published: one per
 * event trigger it has, none when it has none. Under the workflow's row lock, so of two
 * publishes at once the later version's triggers are what stays.
 */
export async function keepEventSubscriptionsInStep(
  orgId: string,
  workflowId: string,
  version: number,
  definition: WorkflowDefinition,
): Promise<void> {
  const triggers = definition.nodes.flatMap((node) => {
    if (node.type !== eventTrigger.type) return [];
    // Publishing refused an invalid config already; this only narrows the type.
    const parsed = eventTrigger.config.safeParse(node.config);
    return parsed.success ? [{ nodeId: node.id, ...parsed.data }] : [];
  });
  await withOrgTransaction(orgId, async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM workflows WHERE id = ${workflowId}::uuid FOR UPDATE`;
    const latest = await tx.workflowVersion.findFirst({
      where: { orgId, workflowId },
      orderBy: { version: 'desc' },
      select: { id: true, version: true },
    });
    // A later version published meanwhile has set (or will set) its own.
    if (!latest || latest.version !== version) return;
    await tx.eventSubscription.deleteMany({ where: { orgId, workflowId } });
    if (triggers.length === 0) return;
    await tx.eventSubscription.createMany({
      data: triggers.map(({ nodeId, topic, filter }) => ({
        orgId,
        workflowId,
        versionId: latest.id,
        nodeId,
        topic,
        filter: filter?.trim() ? filter : null,
      })),
    });
  });
}

/** A deleted workflow hears no more events. */
export async function removeEventSubscriptions(orgId: string, workflowId: string): Promise<void> {
  await orgDb(orgId).eventSubscription.deleteMany({ where: { orgId, workflowId } });
}
