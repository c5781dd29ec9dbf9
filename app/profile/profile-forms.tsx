'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/input';
import { changePasswordAction, createOrgAction, saveProfileAction, type FormState } from './actions';

function Outcome({ state }: { state: FormState }) {
  if (state.error) return <p className="text-sm text-danger">{state.error}</p>;
  if (state.saved) return <p className="text-sm text-success">{state.saved}</p>;
  return null;
}

export function ProfileForm({ name }: { name: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(saveProfileAction, {});
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      <Field label="Name" htmlFor="profile-name">
        <Input id="profile-name" name="name" defaultValue={name} className="w-64" />
      </Field>
      <Button type="submit" disabled={pending}>
        Save
      </Button>
      <Outcome state={state} />
    </form>
  );
}

export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(changePasswordAction, {});
  return (
    <form action={formAction} className="flex flex-col gap-3">
      {hasPassword && (
        <Field label="Current password" htmlFor="current-password">
          <Input
            id="current-password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            className="w-64"
          />
        </Field>
      )}
      <Field label="New password" htmlFor="new-password">
        <Input id="new-password" name="newPassword" type="password" autoComplete="new-password" className="w-64" />
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {hasPassword ? 'Change password' : 'Set password'}
        </Button>
        <Outcome state={state} />
      </div>
      <p className="text-xs text-muted-foreground">
        This signs you out everywhere; sign in again with the new password.
      </p>
    </form>
  );
}

export function CreateOrgForm() {
  const [state, formAction, pending] = useActionState<FormState, FormData>(createOrgAction, {});
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      <Field label="Organization name" htmlFor="org-name">
        <Input id="org-name" name="name" placeholder="Acme automation" className="w-64" />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        Create organization
      </Button>
      <Outcome state={state} />
    </form>
  );
}
