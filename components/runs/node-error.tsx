import { Lightbulb } from 'lucide-react';
import { JsonView } from './json-view';
import { readNodeError } from './node-error-data';

/**
 * A recorded error: its type and message, what to do about it (`hint`), a code node's stack,
 * and whatever else it carries.
 */
export function NodeError({ error, hint }: { error: unknown; hint?: string | null }) {
  const parsed = readNodeError(error);
  if (!parsed) return <JsonView label="Error" value={error} />;
  const { type, message, details } = parsed;
  const { stack, ...rest } =
    details && typeof details === 'object' ? (details as { stack?: unknown }) : { stack: undefined };
  const more = details !== undefined && (typeof details !== 'object' || Object.keys(rest).length > 0);
  return (
    <section aria-label="Error" className="rounded-md border border-danger/40 bg-danger/5 p-3">
      <div className="font-mono text-xs font-medium text-danger">{type}</div>
      <p className="mt-1 text-sm break-words whitespace-pre-wrap">{message}</p>
      {hint && (
        <p data-testid="error-hint" className="mt-2 flex gap-1.5 text-xs text-foreground">
          <Lightbulb className="mt-px size-3.5 shrink-0 text-warning" aria-hidden />
          <span>{hint}</span>
        </p>
      )}
      {typeof stack === 'string' && (
        <pre className="mt-2 max-h-48 overflow-auto font-mono text-[11px] leading-relaxed whitespace-pre-wrap text-muted-foreground">
          {stack}
        </pre>
      )}
      {more && (
        <div className="mt-2">
          <JsonView label="Details" value={typeof details === 'object' ? rest : details} />
        </div>
      )}
    </section>
  );
}
