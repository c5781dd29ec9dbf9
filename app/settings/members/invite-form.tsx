'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/input';
import { OneTimeSecret } from '@/components/ui/one-time-secret';
import { RoleOptions } from '@/components/settings/role-options';
import { inviteAction, type InviteState } from './actions';

export function InviteForm() {
  const [state, formAction, pending] = useActionState<InviteState, FormData>(inviteAction, {});
  return (
    <div className="flex flex-col gap-4">
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <Field label="Email" htmlFor="invite-email">
          <Input id="invite-email" name="email" type="email" placeholder="teammate@company.com" className="w-64" />
        </Field>
        <Field label="Role" htmlFor="invite-role">
          <Select id="invite-role" name="role" defaultValue="EDITOR">
            <RoleOptions />
          </Select>
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? 'Inviting…' : 'Create invitation'}
        </Button>
      </form>
      {state.error && <p className="text-sm text-danger">{state.error}</p>}
      {state.invited && (
        <OneTimeSecret
          title={`Send this link to ${state.invited.email}. It works once, for that email, for 7 days; it will not be shown again.`}
          value={state.invited.url}
          dataAttribute="invite-link"
        />
      )}
    </div>
  );
}
