import Link from 'next/link';
import { nodeErrorSchema } from '@/lib/events/run-stream-schema';

/** A failed run's failing node and error message in a list row, linking straight to that node. */
export function RunFailureSummary({ runId, error }: { runId: string; error: unknown }) {
  const parsed = nodeErrorSchema.safeParse(error);
  if (!parsed.success) return null;
  const { nodeId, message } = parsed.data;
  return (
    <div className="mt-1 max-w-md truncate text-xs text-danger" title={message} data-testid="run-failure">
      {nodeId && (
        <Link
          href={`/runs/${runId}?node=${encodeURIComponent(nodeId)}`}
          className="relative z-10 font-mono font-medium hover:underline"
        >
          {nodeId}
        </Link>
      )}
      {nodeId && ': '}
      {message}
    </div>
  );
}
