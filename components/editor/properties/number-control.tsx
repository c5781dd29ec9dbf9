'use client';

import { useState } from 'react';
import { Input } from '@/components/ui/input';
import type { ControlProps } from './control-props';
import { namingAttributes } from './field-frame';
import { useFormContext } from './form-context';
import type { NumberField } from './schema-fields';

const parse = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** A number, committed once what is typed reads as one; empty removes it. */
export function NumberControl({ field, value, onChange, ids, invalid }: ControlProps<NumberField>) {
  const { readOnly } = useFormContext();
  const shown = typeof value === 'number' ? String(value) : '';
  const [draft, setDraft] = useState(shown);
  const [seen, setSeen] = useState(shown);
  // A new value from elsewhere replaces the draft, unless the draft already says the same.
  if (shown !== seen) {
    setSeen(shown);
    if (parse(draft) !== value) setDraft(shown);
  }
  return (
    <Input
      {...namingAttributes(ids)}
      type="number"
      inputMode={field.integer ? 'numeric' : 'decimal'}
      step={field.integer ? 1 : 'any'}
      min={field.minimum}
      max={field.maximum}
      value={draft}
      placeholder={field.default === undefined ? undefined : String(field.default)}
      onChange={(event) => {
        setDraft(event.target.value);
        const next = parse(event.target.value);
        if (next === undefined || Number.isFinite(next)) onChange(next);
      }}
      aria-invalid={invalid || undefined}
      aria-required={field.required || undefined}
      disabled={readOnly}
      className="w-40 disabled:opacity-70"
    />
  );
}
