'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/input';
import type { CredentialLimits } from '@/lib/connectors/credential-guard/limits';

export interface LimitsFormState {
  error?: string;
  saved?: boolean;
}

export interface CredentialLimitsFormProps {
  id: string;
  limits: CredentialLimits;
  defaults: { failures: number; cooldownSeconds: number };
  /** Saves the three fields; an empty one means no rate limit, or the breaker's default. */
  action: (previous: LimitsFormState, form: FormData) => Promise<LimitsFormState>;
}

export function CredentialLimitsForm({ id, limits, defaults, action }: CredentialLimitsFormProps) {
  const [state, formAction, pending] = useActionState<LimitsFormState, FormData>(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="id" value={id} />
      <div className="flex flex-wrap gap-4">
        <Field label="Requests per minute" htmlFor="limit-rpm">
          <Input
            id="limit-rpm"
            name="requestsPerMinute"
            type="number"
            min={1}
            placeholder="no limit"
            defaultValue={limits.requestsPerMinute}
            className="w-44"
          />
        </Field>
        <Field label="Failures before the circuit opens" htmlFor="limit-failures">
          <Input
            id="limit-failures"
            name="breakerFailures"
            type="number"
            min={1}
            placeholder={String(defaults.failures)}
            defaultValue={limits.breakerFailures}
            className="w-44"
          />
        </Field>
        <Field label="Cooldown (seconds)" htmlFor="limit-cooldown">
          <Input
            id="limit-cooldown"
            name="breakerCooldownSeconds"
            type="number"
            min={1}
            placeholder={String(defaults.cooldownSeconds)}
            defaultValue={limits.breakerCooldownSeconds}
            className="w-44"
          />
        </Field>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Saving…' : 'Save limits'}
        </Button>
        {state.error && <p className="text-sm text-danger">{state.error}</p>}
        {state.saved && !state.error && <p className="text-sm text-success">Saved.</p>}
      </div>
    </form>
  );
}
