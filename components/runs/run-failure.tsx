import { AlertTriangle } from 'lucide-react';
import { readNodeError } from './node-error-data';

/** Why a run failed, with the node that failed it one click away. */
export function RunFailure({
  error,
  nodeLabel,
  onInspect,
}: {
  error: unknown;
  nodeLabel: (nodeId: string) => string;
  onInspect: (nodeId: string) => void;
}) {
  const parsed = readNodeError(error);
  if (!parsed) return null;
  const { nodeId, type, message } = parsed;
  return (
    <div role="alert" className="flex items-start gap-3 border-b border-danger/30 bg-danger/5 px-6 py-2.5 text-sm">
      <AlertTriangle className="mt-0.5 size-4 shrink-0 text-danger" />
      <p className="min-w-0 flex-1">
        {nodeId ? (
          <>
            <button type="button" className="font-medium underline" onClick={() => onInspect(nodeId)}>
              {nodeLabel(nodeId)}
            </button>{' '}
            failed:{' '}
          </>
        ) : (
          'The run failed: '
        )}
        <span data-testid="run-error">{message}</span>{' '}
        <span className="font-mono text-xs text-muted-foreground">({type})</span>
      </p>
    </div>
  );
}
