'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Textarea } from '@/components/ui/input';

const lastInputKey = (workflowId: string) => `floworchestrator:last-input:${workflowId}`;

/** Asks for the run's input as JSON, remembering the last one per workflow in this browser. */
export function RunDialog({
  workflowId,
  onStart,
  onClose,
}: {
  workflowId: string;
  onStart: (input: unknown) => Promise<string | undefined>;
  onClose: () => void;
}) {
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
    const failure = await onStart(input);
    setPending(false);
    if (failure) setError(failure);
    else onClose();
  };
  return (
    <Dialog title="Run workflow" heading="Run the published version" onClose={onClose}>
      <Field label="Input (JSON)" htmlFor="run-input">
        <Textarea
          id="run-input"
          rows={8}
          className="font-mono text-sm"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Field>
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
