'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input, Select } from '@/components/ui/input';

/** The workflow's own settings as the draft holds them (lib/definition/schema.ts). */
export interface WorkflowSettings {
  timeoutMs?: number;
  concurrencyLimit?: number;
  errorWorkflowId?: string;
}

interface WorkflowChoice {
  id: string;
  name: string;
  latestVersion: number | null;
}

const MAX_CONCURRENCY = 10_000;

/** A whole number from a form field, undefined when empty; a message naming the field otherwise. */
function wholeNumber(text: string, field: string, max?: number): number | undefined | { error: string } {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || (max !== undefined && value > max)) {
    return { error: `${field}: a whole number from 1${max ? ` to ${max.toLocaleString('en')}` : ' up'}, or empty` };
  }
  return value;
}

function WholeNumberField(props: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (text: string) => void;
}) {
  return (
    <Field label={props.label} htmlFor={props.id}>
      <Input
        id={props.id}
        inputMode="numeric"
        placeholder={props.placeholder}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </Field>
  );
}

/**
 * The workflow's settings, written into the draft (and published with it): the workflow started
 * with what failed when a run fails, how long a run may take, and how many may run at once.
 */
export function WorkflowSettingsDialog({
  workflowId,
  settings,
  onSave,
  onClose,
}: {
  workflowId: string;
  settings: WorkflowSettings;
  onSave: (settings: WorkflowSettings) => void;
  onClose: () => void;
}) {
  const [choices, setChoices] = useState<WorkflowChoice[] | null>(null);
  const [loadError, setLoadError] = useState<string>();
  const [errorWorkflowId, setErrorWorkflowId] = useState(settings.errorWorkflowId ?? '');
  const [timeout, setTimeoutText] = useState(settings.timeoutMs ? String(settings.timeoutMs / 1000) : '');
  const [concurrency, setConcurrency] = useState(settings.concurrencyLimit ? String(settings.concurrencyLimit) : '');
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    let live = true;
    fetch('/api/workflows?limit=200')
      .then(async (response) => {
        if (!response.ok) throw new Error(`The workflows could not be listed (${response.status})`);
        const { items } = (await response.json()) as { items: WorkflowChoice[] };
        if (live) setChoices(items.filter((item) => item.id !== workflowId));
      })
      .catch((error: Error) => live && setLoadError(error.message));
    return () => {
      live = false;
    };
  }, [workflowId]);

  const save = () => {
    const timeoutSeconds = wholeNumber(timeout, 'Run timeout (seconds)');
    const limit = wholeNumber(concurrency, 'Runs at once', MAX_CONCURRENCY);
    for (const parsed of [timeoutSeconds, limit]) {
      if (typeof parsed === 'object') return setProblem(parsed.error);
    }
    onSave({
      ...(errorWorkflowId ? { errorWorkflowId } : {}),
      ...(typeof timeoutSeconds === 'number' ? { timeoutMs: timeoutSeconds * 1000 } : {}),
      ...(typeof limit === 'number' ? { concurrencyLimit: limit } : {}),
    });
    onClose();
  };

  // A chosen workflow not in the first page (or since deleted) stays shown by its id.
  const chosenIsListed = !errorWorkflowId || choices?.some((choice) => choice.id === errorWorkflowId);
  return (
    <Dialog title="Workflow settings" onClose={onClose}>
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Field label="Error workflow" htmlFor="settings-error-workflow">
          <Select
            id="settings-error-workflow"
            className="w-full"
            value={errorWorkflowId}
            disabled={!choices}
            onChange={(event) => setErrorWorkflowId(event.target.value)}
          >
            <option value="">None</option>
            {!chosenIsListed && <option value={errorWorkflowId}>{errorWorkflowId}</option>}
            {choices?.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name}
                {choice.latestVersion === null ? ' (not published yet)' : ''}
              </option>
            ))}
          </Select>
        </Field>
        <p className="-mt-2 text-xs text-muted-foreground">
          {loadError ?? 'Started whenever a run fails, with the run id, workflow, version and error as its input.'}
        </p>
        <WholeNumberField
          id="settings-timeout"
          label="Run timeout (seconds)"
          placeholder="none"
          value={timeout}
          onChange={(text) => {
            setTimeoutText(text);
            setProblem(undefined);
          }}
        />
        <WholeNumberField
          id="settings-concurrency"
          label="Runs at once"
          placeholder="unlimited"
          value={concurrency}
          onChange={(text) => {
            setConcurrency(text);
            setProblem(undefined);
          }}
        />
        {problem && (
          <p role="alert" className="text-sm text-danger">
            {problem}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit">Save settings</Button>
        </div>
      </form>
    </Dialog>
  );
}
