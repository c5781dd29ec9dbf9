'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/input';
import type { CredentialFormType } from '@/lib/connectors/credential-form-fields';
import { createCredentialAction, type CredentialFormState } from './actions';

export function CredentialForm({ types }: { types: CredentialFormType[] }) {
  const [state, formAction, pending] = useActionState<CredentialFormState, FormData>(createCredentialAction, {});
  const [type, setType] = useState(types[0].type);
  const fields = types.find((candidate) => candidate.type === type)?.fields ?? [];
  return (
    <form action={formAction} className="flex flex-col gap-4" key={state.savedName}>
      <div className="flex flex-wrap gap-3">
        <Field label="Name" htmlFor="credential-name">
          <Input id="credential-name" name="name" placeholder="Stripe live key" className="w-64" />
        </Field>
        <Field label="Type" htmlFor="credential-type">
          <Select id="credential-type" name="type" value={type} onChange={(event) => setType(event.target.value)}>
            {types.map((option) => (
              <option key={option.type} value={option.type}>
                {option.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="flex flex-wrap gap-3">
        {fields.map((field) => (
          <Field
            key={`${type}.${field.name}`}
            label={field.required ? field.name : `${field.name} (optional)`}
            htmlFor={`value-${field.name}`}
          >
            <Input
              id={`value-${field.name}`}
              name={`value.${field.name}`}
              type={field.secret ? 'password' : 'text'}
              autoComplete="off"
              className="w-64"
            />
          </Field>
        ))}
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save credential'}
        </Button>
        {state.error && <p className="text-sm text-danger">{state.error}</p>}
        {state.savedName && !state.error && <p className="text-sm text-success">Saved “{state.savedName}”.</p>}
      </div>
    </form>
  );
}
