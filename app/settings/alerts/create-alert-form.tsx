'use client';

import { useActionState, useState } from 'react';
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

export function CreateAlertForm() {
  const [state, formAction, pending] = useActionState<CreateAlertState, FormData>(createAlertAction, {});
  const [kind, setKind] = useState<AlertKindName>('success_rate_below');
  return (
    <div className="flex flex-col gap-4">
      <form action={formAction} className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="Name" htmlFor="alert-name">
          <Input id="alert-name" name="name" placeholder="Checkout failing" />
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
          <Input id="alert-threshold" name="threshold" type="number" step="any" min={0} placeholder="95" />
        </Field>
        <Field label="Over the last (minutes)" htmlFor="alert-window">
          <Input
            id="alert-window"
            name="windowMinutes"
            type="number"
            min={5}
            defaultValue={60}
            disabled={kind === 'approval_waiting_longer_than' || kind === 'queue_backlog_above'}
          />
        </Field>
        <div className="sm:col-span-2">
          <Field label="Webhook URL" htmlFor="alert-webhook">
            <Input id="alert-webhook" name="webhookUrl" type="url" placeholder="https://hooks.example.com/alerts" />
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
