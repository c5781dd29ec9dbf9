import Link from 'next/link';
import { Badge } from '@/components/ui/badge';

export interface EventDelivery {
  workflowId: string;
  status: string;
  runId: string | null;
  reason: string | null;
}

const TONES: Record<string, 'success' | 'neutral' | 'danger'> = {
  started: 'success',
  skipped: 'neutral',
  failed: 'danger',
};

/** What an event's fan-out did for each subscribed workflow: the run it started, or why none. */
export function EventDeliveries({
  deliveries,
  workflowNames,
  dispatched,
}: {
  deliveries: EventDelivery[];
  workflowNames: Map<string, string>;
  dispatched: boolean;
}) {
  if (deliveries.length === 0) {
    return (
      <span className="text-xs text-muted-foreground">{dispatched ? 'no subscriber' : 'waiting to be delivered'}</span>
    );
  }
  return (
    <ul className="space-y-1">
      {deliveries.map((delivery) => (
        <li
          key={delivery.workflowId}
          className="flex flex-wrap items-center gap-2 text-xs"
          data-testid="event-delivery"
        >
          <Link href={`/workflows/${delivery.workflowId}`} className="hover:underline">
            {workflowNames.get(delivery.workflowId) ?? 'deleted workflow'}
          </Link>
          <Badge tone={TONES[delivery.status] ?? 'neutral'}>{delivery.status}</Badge>
          {delivery.runId && (
            <Link href={`/runs/${delivery.runId}`} className="font-mono text-primary hover:underline">
              {delivery.runId.slice(0, 8)}
            </Link>
          )}
          {delivery.reason && <span className="text-muted-foreground">{delivery.reason}</span>}
        </li>
      ))}
    </ul>
  );
}
