'use client';

import { useActionState, useState, type ChangeEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/input';
import { OneTimeSecret } from '@/components/ui/one-time-secret';
import { ALERT_KINDS, THRESHOLD_UNIT, type AlertKindName } from '@/lib/alerts/alert-rule-schema';
import { createAlertAction, type CreateAlertState } from './actions';

const KIND_LABEL: Record<AlertKindName, string> = {
  success_rate_below: 'Success rate below',
  burn_rate_above: 'Error-budget burn rate above',
  approval_waiting_longer_than: 'An approval waiting longer than',
  queue_backlog_above: 'Task-queue backlog above',
};

const EMPTY = { name: '', threshold: '', windowMinutes: '60', webhookUrl: '' };

export function CreateAlertForm() {
  const [state, formAction, pending] = useActionState<CreateAlertState, FormData>(createAlertAction, {});
  const [kind, setKind] = useState<AlertKindName>('success_rate_below');
  // Controlled, so a refused rule stays in the form to be corrected (a form action resets
  // uncontrolled fields); a rule added clears it.
  const [values, setValues] = useState(EMPTY);
  const [added, setAdded] = useState(state.created);
  if (state.created !== added) {
    setAdded(state.created);
    setValues(EMPTY);
  }
  const field = (name: keyof typeof EMPTY) => ({
    name,
    value: values[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => setValues({ ...values, [name]: event.target.value }),
  });
  return (
    <div className="flex flex-col gap-4">
      <form action={formAction} className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="Name" htmlFor="alert-name">
          <Input id="alert-name" placeholder="Checkout failing" {...field('name')} />
        </Field>
        <Field label="When" htmlFor="alert-kind">
          <Select
            id="alert-kind"
            name="kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as AlertKindName)}
          >
            {ALERT_KINDS.map((option) => (
              <option key={option} value={option}>
                {KIND_LABEL[option]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={`Threshold (${THRESHOLD_UNIT[kind]})`} htmlFor="alert-threshold">
          <Input id="alert-threshold" type="number" step="any" min={0} placeholder="95" {...field('threshold')} />
        </Field>
        <Field label="Over the last (minutes)" htmlFor="alert-window">
          <Input
            id="alert-window"
            type="number"
            min={5}
            disabled={kind === 'approval_waiting_longer_than' || kind === 'queue_backlog_above'}
            {...field('windowMinutes')}
          />
        </Field>
        <div className="sm:col-span-2">
          <Field label="Webhook URL" htmlFor="alert-webhook">
            <Input
              id="alert-webhook"
              type="url"
              placeholder="https://hooks.example.com/alerts"
              {...field('webhookUrl')}
            />
          </Field>
        </div>
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? 'Adding…' : 'Add alert'}
          </Button>
        </div>
      </form>
      {state.error && <p className="text-sm text-danger">{state.error}</p>}
      {state.created && (
        <OneTimeSecret
          title={`Alert “${state.created.name}” added. Its webhook signing secret, shown this once:`}
          value={state.created.secret}
          dataAttribute="alert-secret"
        />
      )}
    </div>
  );
}
