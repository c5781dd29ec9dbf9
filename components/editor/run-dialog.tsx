'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Select, Textarea } from '@/components/ui/input';

const lastInputKey = (workflowId: string) => `floworchestrator:last-input:${workflowId}`;

/** What a run from the editor runs: the draft as drawn, or the latest published version. */
export type RunTarget = 'draft' | 'published';

/**
 * Asks what to run (the draft, by default, as it is on the canvas) and the run's input as JSON,
 * remembering the last input per workflow in this browser.
 */
export function RunDialog({
  workflowId,
  onStart,
  onClose,
}: {
  workflowId: string;
  onStart: (input: unknown, target: RunTarget) => Promise<string | undefined>;
  onClose: () => void;
}) {
  const [target, setTarget] = useState<RunTarget>('draft');
  const [text, setText] = useState(() => localStorage.getItem(lastInputKey(workflowId)) ?? '{}');
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const start = async () => {
    let input: unknown;
    try {
      input = text.trim() ? JSON.parse(text) : {};
    } catch (parseError) {
      setError(`The input is not valid JSON: ${(parseError as Error).message}`);
      return;
    }
    localStorage.setItem(lastInputKey(workflowId), text);
    setPending(true);
    const failure = await onStart(input, target);
    setPending(false);
    if (failure) setError(failure);
    else onClose();
  };
  return (
    <Dialog title="Run workflow" heading="Run the workflow" onClose={onClose}>
      <div className="flex flex-col gap-3">
        <Field label="What to run" htmlFor="run-target">
          <Select id="run-target" value={target} onChange={(e) => setTarget(e.target.value as RunTarget)}>
            <option value="draft">The draft, as on the canvas</option>
            <option value="published">The latest published version</option>
          </Select>
        </Field>
        <Field label="Input (JSON)" htmlFor="run-input">
          <Textarea
            id="run-input"
            rows={8}
            className="font-mono text-sm"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
      </div>
      {error && <p className="mt-2 text-sm text-danger">{error}</p>}
      <div className="mt-4 flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={start} disabled={pending}>
          {pending ? 'Starting…' : 'Start run'}
        </Button>
      </div>
    </Dialog>
  );
}
