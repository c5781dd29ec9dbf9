'use client';

import { useId } from 'react';
import { Select } from '@/components/ui/input';
import { currentVariant, isObject, variantValue } from './field-values';
import { controlIds, FieldFrame, namingAttributes } from './field-frame';
import { useFormContext } from './form-context';
import { ObjectFields } from './object-fields';
import { childPath, problemAt } from './problem-paths';
import { humanise, type UnionField as UnionDescriptor } from './schema-fields';

/**
 * A discriminated union (an HTTP body, an auth method, a delay's mode): a select for the
 * discriminator, then the chosen variant's fields. Choosing another variant starts it afresh.
 */
export function UnionField({
  field,
  path,
  value,
  onChange,
}: {
  field: UnionDescriptor;
  path: string;
  value: unknown;
  onChange(value: unknown): void;
}) {
  const { problems, readOnly } = useFormContext();
  const id = useId();
  const variant = currentVariant(field, value);
  const problem = problemAt(problems, path) ?? problemAt(problems, childPath(path, field.discriminator));
  const ids = controlIds(id, Boolean(field.description), Boolean(problem));
  return (
    <div className="flex min-w-0 flex-col gap-3">
      <FieldFrame
        id={id}
        // The config itself may be a union (a delay): its select is named after the discriminator.
        label={field.name ? field.label : humanise(field.discriminator)}
        required={field.required}
        description={field.description}
        problem={problem}
      >
        <Select
          {...namingAttributes(ids)}
          value={variant?.value ?? ''}
          onChange={(event) => onChange(variantValue(field, event.target.value))}
          aria-invalid={Boolean(problem) || undefined}
          disabled={readOnly}
          className="min-w-40 disabled:opacity-70"
        >
          {!variant && (
            <option value="" disabled>
              Choose…
            </option>
          )}
          {field.variants.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </FieldFrame>
      {variant && variant.fields.length > 0 && (
        <div className="flex min-w-0 flex-col gap-3 border-l-2 border-border pl-3">
          <ObjectFields
            fields={variant.fields}
            path={path}
            value={isObject(value) ? value : variantValue(field, variant.value)}
            onChange={onChange}
          />
        </div>
      )}
    </div>
  );
}
