'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

export interface ImportWorkflowState {
  error?: string;
  /** Every problem of an invalid definition, each naming its node or edge. */
  problems?: string[];
  fileName?: string;
}

/**
 * Imports a workflow export file: the browser reads the file and hands its text to
 * `importAction`, which creates the workflow (and navigates to it) or says what is wrong.
 */
export function ImportWorkflowForm({
  importAction,
}: {
  importAction: (fileText: string) => Promise<ImportWorkflowState>;
}) {
  const [state, formAction, pending] = useActionState<ImportWorkflowState, FormData>(async (_previous, form) => {
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return { error: 'Choose a workflow export file (.json) first' };
    // React empties the file input once the action settles: name the file the message is about.
    return { ...(await importAction(await file.text())), fileName: file.name };
  }, {});
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <div className="flex items-center gap-2">
        <Input
          type="file"
          name="file"
          accept="application/json,.json"
          aria-label="Workflow file"
          aria-invalid={Boolean(state.error)}
          aria-describedby={state.error ? 'import-error' : undefined}
          className="h-auto py-1.5 file:mr-3 file:rounded-sm file:border-0 file:bg-muted file:px-2 file:py-1 file:text-sm file:text-foreground"
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Importing…' : 'Import'}
        </Button>
      </div>
      {state.error && (
        <div id="import-error" role="alert" className="text-sm text-danger">
          <p>
            {state.fileName && <span className="font-medium">{state.fileName}: </span>}
            {state.error}
          </p>
          {state.problems && (
            <ul className="mt-1 list-disc pl-5">
              {state.problems.map((problem, index) => (
                <li key={index}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
