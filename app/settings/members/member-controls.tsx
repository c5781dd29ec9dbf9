'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { RoleOptions } from '@/components/settings/role-options';
import { memberAction, type MemberActionState } from './actions';

/** Role select (saves on change) and remove button for one member, with any refusal shown inline. */
export function MemberControls({ userId, role, email }: { userId: string; role: string; email: string }) {
  const [state, formAction, pending] = useActionState<MemberActionState, FormData>(memberAction, {});
  return (
    <div className="flex flex-col items-end gap-1">
      <form action={formAction} className="flex items-center gap-2">
        <input type="hidden" name="userId" value={userId} />
        <Select
          name="role"
          defaultValue={role}
          aria-label={`Role of ${email}`}
          disabled={pending}
          onChange={(event) => event.currentTarget.form?.requestSubmit()}
        >
          <RoleOptions />
        </Select>
        <Button type="submit" name="intent" value="remove" variant="ghost" size="sm" disabled={pending}>
          Remove
        </Button>
      </form>
      {state.error && <p className="text-xs text-danger">{state.error}</p>}
    </div>
  );
}
