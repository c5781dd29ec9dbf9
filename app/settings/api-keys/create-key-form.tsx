'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/input';
import { OneTimeSecret } from '@/components/ui/one-time-secret';
import { RoleOptions } from '@/components/settings/role-options';
import { createKeyAction, type CreateKeyState } from './actions';

export function CreateKeyForm() {
  const [state, formAction, pending] = useActionState<CreateKeyState, FormData>(createKeyAction, {});
  return (
    <div className="flex flex-col gap-4">
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <Field label="Name" htmlFor="key-name">
          <Input id="key-name" name="name" placeholder="deploy script" className="w-56" />
        </Field>
        <Field label="Role" htmlFor="key-role">
          <Select id="key-role" name="role" defaultValue="EDITOR">
            <RoleOptions />
          </Select>
        </Field>
        <Field label="Expires (optional)" htmlFor="key-expires">
          <Input id="key-expires" name="expiresAt" type="date" className="w-44" />
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create key'}
        </Button>
      </form>
      {state.error && <p className="text-sm text-danger">{state.error}</p>}
      {state.created && (
        <OneTimeSecret
          title={`Key “${state.created.name}” created. Copy it now: it will not be shown again.`}
          value={state.created.key}
          dataAttribute="api-key"
        />
      )}
    </div>
  );
}
