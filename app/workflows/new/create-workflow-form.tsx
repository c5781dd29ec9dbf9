'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button, buttonVariants } from '@/components/ui/button';
import { Field, Input, Textarea } from '@/components/ui/input';
import { TemplateGallery, type TemplateCard } from '@/components/workflows/template-gallery';
import { createWorkflowAction, type CreateWorkflowState } from '../actions';

export function CreateWorkflowForm({ templates }: { templates: TemplateCard[] }) {
  const [state, formAction, pending] = useActionState<CreateWorkflowState, FormData>(createWorkflowAction, {});
  return (
    <form action={formAction} className="flex flex-col gap-10" noValidate>
      <div className="flex max-w-xl flex-col gap-5">
        <Field label="Name" htmlFor="name" error={state.fieldErrors?.name} errorId="name-error">
          <Input
            id="name"
            name="name"
            defaultValue={state.values?.name}
            placeholder="Invoice approval"
            aria-invalid={Boolean(state.fieldErrors?.name)}
            aria-describedby={state.fieldErrors?.name ? 'name-error' : undefined}
            autoFocus
          />
        </Field>
        <Field label="Description" htmlFor="description" error={state.fieldErrors?.description}>
          <Textarea
            id="description"
            name="description"
            defaultValue={state.values?.description}
            placeholder="What it automates, who owns it"
            aria-invalid={Boolean(state.fieldErrors?.description)}
          />
        </Field>
        <div className="flex gap-2">
          <Button type="submit" disabled={pending}>
            {pending ? 'Creating…' : 'Create workflow'}
          </Button>
          <Link href="/" className={buttonVariants({ variant: 'ghost' })}>
            Cancel
          </Link>
        </div>
      </div>
      <section aria-labelledby="templates-heading" className="flex flex-col gap-3">
        <div>
          <h2 id="templates-heading" className="text-base font-semibold">
            Start from a template
          </h2>
          <p className="mt-1 text-sm text-muted-foreground">
            A working example to edit, named as above or after the template if you leave the name empty.
          </p>
        </div>
        {state.fieldErrors?.templateId && (
          <p role="alert" className="text-sm text-danger">
            {state.fieldErrors.templateId}
          </p>
        )}
        <TemplateGallery templates={templates} disabled={pending} />
      </section>
    </form>
  );
}
