'use client';

import { Select } from '@/components/ui/input';
import type { ControlProps } from './control-props';
import { namingAttributes } from './field-frame';
import { useFormContext } from './form-context';
import type { EnumField } from './schema-fields';

/** A select of the schema's options; an unset value shows the default. */
export function EnumControl({ field, value, onChange, ids, invalid }: ControlProps<EnumField>) {
  const { readOnly } = useFormContext();
  const selected = field.options.indexOf((value === undefined ? field.default : value) as never);
  return (
    <Select
      {...namingAttributes(ids)}
      // Options are chosen by position: they need not be strings.
      value={selected === -1 ? '' : String(selected)}
      onChange={(event) => onChange(event.target.value === '' ? undefined : field.options[Number(event.target.value)])}
      aria-invalid={invalid || undefined}
      aria-required={field.required || undefined}
      disabled={readOnly}
      className="min-w-40 disabled:opacity-70"
    >
      {selected === -1 && (
        <option value="" disabled={field.required}>
          {field.required ? 'Choose…' : '—'}
        </option>
      )}
      {field.options.map((option, index) => (
        <option key={String(option)} value={String(index)}>
          {String(option)}
        </option>
      ))}
    </Select>
  );
}
