'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Textarea } from '@/components/ui/input';
import { saveAllowlistAction, type AllowlistFormState } from './actions';

export function AllowlistForm({ entries, canEdit }: { entries: string[]; canEdit: boolean }) {
  const [state, formAction, pending] = useActionState<AllowlistFormState, FormData>(saveAllowlistAction, {});
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <Field label="Allowed hosts and ranges, one per line" htmlFor="allowlist-entries">
        <Textarea
          id="allowlist-entries"
          name="entries"
          rows={6}
          defaultValue={entries.join('\n')}
          placeholder={'10.20.0.0/16\ngit.corp.example\n*.svc.cluster.local'}
          readOnly={!canEdit}
          className="font-mono text-sm"
        />
      </Field>
      {canEdit && (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : 'Save allowlist'}
          </Button>
          {state.saved && !state.error && <span className="text-sm text-muted-foreground">Saved.</span>}
        </div>
      )}
      {state.error && <p className="text-sm text-danger">{state.error}</p>}
    </form>
  );
}
