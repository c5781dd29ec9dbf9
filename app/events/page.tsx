import type { Metadata } from 'next';
import Link from 'next/link';
import { RadioTower } from 'lucide-react';
import { PageHeader } from '@/components/shell/page-header';
import { EmptyState } from '@/components/shell/empty-state';
import { buttonVariants } from '@/components/ui/button';
import { Cell, DataTable } from '@/components/ui/table';
import { EventDeliveries } from '@/components/events/event-deliveries';
import { EventSource } from '@/components/events/event-source';
import { requireOrg } from '@/lib/auth/current-org';
import { orgDb } from '@/lib/db/tenant';
import { listEvents } from '@/lib/events-bus/api-events';

export const metadata: Metadata = { title: 'Events' };

export default async function EventsPage() {
  const org = await requireOrg();
  const { events } = await listEvents(org, { limit: 100 });
  const workflowIds = [...new Set(events.flatMap((event) => event.deliveries.map((delivery) => delivery.workflowId)))];
  const workflows = workflowIds.length
    ? await orgDb(org.orgId).workflow.findMany({
        where: { orgId: org.orgId, id: { in: workflowIds }, deletedAt: null },
        select: { id: true, name: true },
      })
    : [];
  const workflowNames = new Map(workflows.map((workflow) => [workflow.id, workflow.name]));
  return (
    <>
      <PageHeader
        title="Events"
        description="The latest events published on a topic, and the run each subscribed workflow started."
      />
      <div className="space-y-4 px-8 py-6">
        {events.length === 0 ? (
          <EmptyState
            icon={RadioTower}
            title="No events yet"
            action={
              <Link href="/" className={buttonVariants({ variant: 'secondary' })}>
                Go to workflows
              </Link>
            }
          >
            Publish one with POST /api/events/&lt;topic&gt; or an Emit event node: every workflow whose published Event
            trigger subscribes to its topic starts a run, listed here.
          </EmptyState>
        ) : (
          <DataTable columns={['Published', 'Topic', 'From', 'Deliveries', 'Payload']}>
            {events.map((event) => (
              <tr key={event.eventId} data-testid="event-row" data-event-id={event.eventId}>
                <Cell className="whitespace-nowrap text-xs tabular-nums">
                  {new Date(event.publishedAt).toLocaleString('en-US')}
                </Cell>
                <Cell className="font-mono text-xs">{event.topic}</Cell>
                <Cell>
                  <EventSource source={event.source} />
                </Cell>
                <Cell>
                  <EventDeliveries
                    deliveries={event.deliveries}
                    workflowNames={workflowNames}
                    dispatched={event.dispatchedAt !== null}
                  />
                </Cell>
                <Cell>
                  <details className="text-xs">
                    <summary className="cursor-pointer text-muted-foreground">JSON</summary>
                    <pre className="mt-1 max-h-48 max-w-md overflow-auto rounded bg-muted p-2 font-mono">
                      {JSON.stringify(event.payload, null, 2)}
                    </pre>
                  </details>
                </Cell>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </>
  );
}
