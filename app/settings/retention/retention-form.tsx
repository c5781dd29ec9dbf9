'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/input';
import type { Retention } from '@/lib/retention/retention-settings';
import { saveRetentionAction, type RetentionFormState } from './actions';

function DaysField({
  label,
  name,
  value,
  onChange,
  readOnly,
}: {
  label: string;
  name: 'runDays' | 'logDays';
  value: string;
  onChange: (value: string) => void;
  readOnly: boolean;
}) {
  const id = `retention-${name === 'runDays' ? 'run' : 'log'}-days`;
  return (
    <Field label={label} htmlFor={id}>
      <Input
        id={id}
        name={name}
        type="number"
        min={1}
        max={3650}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        readOnly={readOnly}
      />
    </Field>
  );
}

export function RetentionForm({ retention, canEdit }: { retention: Retention; canEdit: boolean }) {
  const [state, formAction, pending] = useActionState<RetentionFormState, FormData>(saveRetentionAction, {});
  // Controlled, so a refused value stays in its field to be corrected (a form action resets uncontrolled fields).
  const [runDays, setRunDays] = useState(String(retention.runDays));
  const [logDays, setLogDays] = useState(String(retention.logDays));
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <div className="grid max-w-md grid-cols-2 gap-3">
        <DaysField
          label="Keep ended runs (days)"
          name="runDays"
          value={runDays}
          onChange={setRunDays}
          readOnly={!canEdit}
        />
        <DaysField
          label="Keep log lines (days)"
          name="logDays"
          value={logDays}
          onChange={setLogDays}
          readOnly={!canEdit}
        />
      </div>
      {canEdit && (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : 'Save retention'}
          </Button>
          {state.saved && !state.error && <span className="text-sm text-muted-foreground">Saved.</span>}
        </div>
      )}
      {state.error && <p className="text-sm text-danger">{state.error}</p>}
    </form>
  );
}
