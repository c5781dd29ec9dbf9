'use client';

import type { ControlProps } from './control-props';
import { namingAttributes } from './field-frame';
import { useFormContext } from './form-context';

/** A checkbox; an unset value shows the field's default. */
export function BooleanControl({ field, value, onChange, ids, invalid }: ControlProps) {
  const { readOnly } = useFormContext();
  const checked = typeof value === 'boolean' ? value : field.default === true;
  return (
    <div className="flex h-9 items-center gap-2">
      <input
        {...namingAttributes(ids)}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-invalid={invalid || undefined}
        disabled={readOnly}
        className="size-4 accent-primary disabled:opacity-70"
      />
      <span className="text-sm text-muted-foreground" aria-hidden>
        {checked ? 'Yes' : 'No'}
      </span>
    </div>
  );
}
