'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/input';
import type { CredentialFormType } from '@/lib/connectors/credential-form-fields';
import { CredentialValueFields } from '@/components/settings/credential-value-fields';
import { createCredentialAction, type CredentialFormState } from './actions';

export function CredentialForm({ types }: { types: CredentialFormType[] }) {
  const [state, formAction, pending] = useActionState<CredentialFormState, FormData>(createCredentialAction, {});
  const [type, setType] = useState(types[0].type);
  const selected = types.find((candidate) => candidate.type === type);
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
      {selected && <CredentialValueFields type={selected} />}
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
