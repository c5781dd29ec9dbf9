'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/input';
import { signUpAction, type SignUpState } from './actions';

export function SignUpForm({ callbackUrl, email }: { callbackUrl: string; email?: string }) {
  const [state, formAction, pending] = useActionState<SignUpState, FormData>(signUpAction, {
    values: { name: '', email: email ?? '' },
  });
  const errors = state.errors ?? {};
  const invalid = (field: keyof typeof errors) =>
    errors[field] ? { 'aria-invalid': true, 'aria-describedby': `${field}-error` } : {};
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label="Name" htmlFor="name" error={errors.name} errorId="name-error">
        <Input id="name" name="name" autoComplete="name" defaultValue={state.values?.name} {...invalid('name')} />
      </Field>
      <Field label="Work email" htmlFor="email" error={errors.email} errorId="email-error">
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={state.values?.email}
          {...invalid('email')}
        />
      </Field>
      <Field label="Password" htmlFor="password" error={errors.password} errorId="password-error">
        <Input id="password" name="password" type="password" autoComplete="new-password" {...invalid('password')} />
      </Field>
      <p className="-mt-2 text-xs text-muted-foreground">At least 12 characters.</p>
      {errors.form && <p className="text-sm text-danger">{errors.form}</p>}
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating account…' : 'Create account'}
      </Button>
    </form>
  );
}
