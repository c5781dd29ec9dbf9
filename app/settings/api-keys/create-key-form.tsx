'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/input';
import { createKeyAction, type CreateKeyState } from './actions';

const selectClasses = 'h-9 rounded-md border border-border bg-background px-2 text-sm';

export function CreateKeyForm() {
  const [state, formAction, pending] = useActionState<CreateKeyState, FormData>(createKeyAction, {});
  return (
    <div className="flex flex-col gap-4">
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="key-name">Name</Label>
          <Input id="key-name" name="name" placeholder="deploy script" className="w-56" />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="key-role">Role</Label>
          <select id="key-role" name="role" defaultValue="EDITOR" className={selectClasses}>
            <option value="VIEWER">Viewer</option>
            <option value="EDITOR">Editor</option>
            <option value="ADMIN">Admin</option>
            <option value="OWNER">Owner</option>
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="key-expires">Expires (optional)</Label>
          <Input id="key-expires" name="expiresAt" type="date" className="w-44" />
        </div>
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
