import Link from 'next/link';

/** Who published an event (lib/events-bus/publish-event.ts): an API caller, or a run's emit node. */
export function EventSource({ source }: { source: unknown }) {
  const known = source as { type?: string; actor?: { label?: string }; runId?: string; nodeId?: string } | null;
  if (known?.type === 'run' && known.runId) {
    return (
      <span className="text-xs">
        node <span className="font-mono">{known.nodeId}</span> of{' '}
        <Link href={`/runs/${known.runId}`} className="font-mono text-primary hover:underline">
          {known.runId.slice(0, 8)}
        </Link>
      </span>
    );
  }
  if (known?.type === 'api') return <span className="text-xs">API · {known.actor?.label ?? 'unknown'}</span>;
  return <span className="text-xs text-muted-foreground">—</span>;
}
