import { JsonView } from './json-view';
import type { StepContext } from './step-context';

/**
 * The context inspector: the expression scope a step could read when it started, rebuilt from
 * what the run recorded, and said to be so.
 */
export function StepContextView({ context, attempt }: { context: StepContext | null; attempt: string }) {
  return (
    <section aria-label="Context" className="space-y-2 border-t border-border pt-3">
      <h3 className="text-xs font-semibold">Context when {attempt} started</h3>
      {context ? (
        <>
          <p data-testid="context-note" className="text-xs text-muted-foreground">
            What <code className="font-mono">{'{{ }}'}</code> expressions could read, rebuilt from this run’s records:
            its input, the outputs of the steps that ended before this one started, and variables replayed from the Set
            variables steps among them.
          </p>
          <JsonView label="Scope" value={context} />
        </>
      ) : (
        <p className="text-xs text-muted-foreground">This step never started, so it read nothing.</p>
      )}
    </section>
  );
}
