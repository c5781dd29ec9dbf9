'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/input';
import type { CredentialFormType } from '@/lib/connectors/credential-form-fields';
import { CredentialValueFields } from '@/components/settings/credential-value-fields';
import type { CredentialTestResult } from '@/lib/vault/test-credential';
import { testCredentialAction, updateCredentialAction, type EditState } from './actions';

export function CredentialEditForm({ id, name, type }: { id: string; name: string; type: CredentialFormType }) {
  const [state, formAction, pending] = useActionState<EditState, FormData>(updateCredentialAction, {});
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="id" value={id} />
      <Field label="Name" htmlFor="credential-name">
        <Input id="credential-name" name="name" defaultValue={name} className="w-72" />
      </Field>
      <CredentialValueFields type={type} placeholder="unchanged" />
      <p className="-mt-2 text-xs text-muted-foreground">
        The stored value is never shown. Leave every value field empty to keep it; fill them all in to replace it.
      </p>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save changes'}
        </Button>
        {state.error && <p className="text-sm text-danger">{state.error}</p>}
        {state.saved && !state.error && <p className="text-sm text-success">Saved.</p>}
      </div>
    </form>
  );
}

export function CredentialTestForm({ id, needsUrl }: { id: string; needsUrl: boolean }) {
  const [result, formAction, pending] = useActionState<CredentialTestResult | null, FormData>(
    testCredentialAction,
    null,
  );
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="id" value={id} />
      <div className="flex flex-wrap items-end gap-3">
        {needsUrl && (
          <Field label="URL to open with it" htmlFor="test-url">
            <Input id="test-url" name="url" type="url" placeholder="https://api.example.com/me" className="w-80" />
          </Field>
        )}
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Testing…' : 'Test connection'}
        </Button>
      </div>
      {result && (
        <p role="status" className={result.ok ? 'text-sm text-success' : 'text-sm text-danger'}>
          {result.ok ? '✓ ' : '✗ '}
          {result.message}
        </p>
      )}
    </form>
  );
}
