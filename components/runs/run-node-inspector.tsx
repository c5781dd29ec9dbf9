'use client';

import { useState } from 'react';
import { X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { formatDuration } from '@/components/format';
import type { RunStepData } from '@/lib/events/run-stream-schema';
import { JsonView } from './json-view';
import { NodeError } from './node-error';
import type { StepContext } from './step-context';
import { StepContextView } from './step-context-view';
import { StepStatusBadge } from './step-status-badge';
import { Timestamp } from './timestamp';
import { traceBarKey } from './trace-bars';

const duration = (step: RunStepData) =>
  step.startedAt && step.endedAt ? Date.parse(step.endedAt) - Date.parse(step.startedAt) : null;

const attemptName = (step: RunStepData, loop: boolean) =>
  loop ? `pass ${step.iteration + 1}, attempt ${step.attempt}` : `attempt ${step.attempt}`;

/**
 * What one node did in this run: each attempt (and loop pass) with its input, output and error
 * (with a hint of what to do about it), as recorded (secrets are masked before anything is
 * recorded), and the context it started in. Shows the latest attempt first, or the one asked for.
 */
export function RunNodeInspector({
  node,
  steps,
  initialStepKey,
  hintFor,
  contextFor,
  onClose,
}: {
  node: { id: string; label: string; type: string };
  steps: RunStepData[];
  /** The attempt to show first (`nodeId:iteration:attempt`); otherwise the latest. */
  initialStepKey?: string | null;
  hintFor: (error: unknown) => string | null;
  contextFor: (step: RunStepData) => StepContext | null;
  onClose: () => void;
}) {
  // null follows the latest attempt as new ones arrive.
  const [chosen, setChosen] = useState<number | null>(() => {
    const index = steps.findIndex((s) => traceBarKey(s) === initialStepKey);
    return index < 0 || index === steps.length - 1 ? null : index;
  });
  const step = steps[chosen ?? steps.length - 1];
  const loop = steps.some((s) => s.iteration > 0);
  return (
    <aside
      aria-label="Node inspector"
      className="flex min-h-0 w-96 shrink-0 flex-col border-l border-border bg-surface"
    >
      <header className="flex items-start justify-between gap-2 border-b border-border px-4 py-3">
        <div className="min-w-0">
          <h2 className="truncate text-sm font-semibold">{node.label}</h2>
          <p className="truncate font-mono text-[11px] text-muted-foreground">
            {node.id} · {node.type}
          </p>
        </div>
        <Button variant="ghost" size="icon" aria-label="Close the inspector" onClick={onClose}>
          <X />
        </Button>
      </header>
      <div className="min-h-0 flex-1 space-y-4 overflow-auto px-4 py-3">
        {!step ? (
          <p className="text-sm text-muted-foreground">This node has not run in this run.</p>
        ) : (
          <>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-xs">
              <dt className="text-muted-foreground">Status</dt>
              <dd data-testid="inspector-status">
                <StepStatusBadge status={step.status} />
              </dd>
              <dt className="text-muted-foreground">Attempts</dt>
              <dd data-testid="inspector-attempts">{Math.max(...steps.map((s) => s.attempt))}</dd>
              <dt className="text-muted-foreground">Started</dt>
              <dd>
                <Timestamp iso={step.startedAt} precise />
              </dd>
              <dt className="text-muted-foreground">Took</dt>
              <dd>{formatDuration(duration(step))}</dd>
            </dl>
            {steps.length > 1 && (
              <nav aria-label="Attempts" className="flex flex-wrap gap-1">
                {steps.map((s, index) => (
                  <button
                    key={`${s.iteration}-${s.attempt}`}
                    type="button"
                    aria-pressed={s === step}
                    onClick={() => setChosen(index === steps.length - 1 ? null : index)}
                    className={cn(
                      'rounded-md border px-2 py-0.5 text-[11px]',
                      s === step ? 'border-primary bg-primary/10' : 'border-border hover:bg-muted',
                    )}
                  >
                    {attemptName(s, loop)}: {s.status.toLowerCase()}
                  </button>
                ))}
              </nav>
            )}
            {step.error != null && <NodeError error={step.error} hint={hintFor(step.error)} />}
            <JsonView label="Input" value={step.input} empty="Not recorded for this node." />
            <JsonView
              label="Output"
              value={step.output}
              empty={step.status === 'SUCCEEDED' ? undefined : 'None: this attempt has not succeeded.'}
            />
            <StepContextView context={contextFor(step)} attempt={attemptName(step, loop)} />
          </>
        )}
      </div>
    </aside>
  );
}
