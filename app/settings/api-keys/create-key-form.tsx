'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/input';
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
            <option value="VIEWER">Viewer</option>
            <option value="EDITOR">Editor</option>
            <option value="ADMIN">Admin</option>
            <option value="OWNER">Owner</option>
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
        <div role="status" className="rounded-md border border-success/40 bg-success/10 p-3 text-sm">
          <p className="font-medium">Key “{state.created.name}” created. Copy it now: it will not be shown again.</p>
          <code className="mt-2 block break-all rounded bg-background px-2 py-1.5 font-mono text-xs" data-api-key>
            {state.created.key}
          </code>
        </div>
      )}
    </div>
  );
}
