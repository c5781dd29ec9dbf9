'use client';

import { isObject, withKey, type JsonObject } from './field-values';
import { useFormContext } from './form-context';
import { childPath, problemAt } from './problem-paths';
import { PropertyField } from './property-field';
import type { FieldDescriptor, ObjectField } from './schema-fields';

/** An object's fields, each change handed up as the whole new object. */
export function ObjectFields({
  fields,
  path,
  value,
  onChange,
}: {
  fields: FieldDescriptor[];
  path: string;
  value: unknown;
  onChange(value: JsonObject): void;
}) {
  const object = isObject(value) ? value : {};
  return fields.map((field) => (
    <PropertyField
      key={field.name}
      field={field}
      path={childPath(path, field.name)}
      value={object[field.name]}
      onChange={(next) => onChange(withKey(object, field.name, next))}
    />
  ));
}

/** A nested object (a retry policy) in a box of its own; emptied and optional, it is removed. */
export function ObjectFieldset({
  field,
  path,
  value,
  onChange,
}: {
  field: ObjectField;
  path: string;
  value: unknown;
  onChange(value: unknown): void;
}) {
  const { problems } = useFormContext();
  const problem = problemAt(problems, path);
  return (
    <fieldset className="flex min-w-0 flex-col gap-3 rounded-md border border-border p-3">
      <legend className="px-1 text-sm font-medium">
        {field.label}
        {field.required && (
          <span className="ml-0.5 text-danger" aria-hidden>
            *
          </span>
        )}
      </legend>
      {field.description && <p className="-mt-1 text-xs text-muted-foreground">{field.description}</p>}
      <ObjectFields
        fields={field.fields}
        path={path}
        value={value}
        onChange={(next) => onChange(Object.keys(next).length === 0 && !field.required ? undefined : next)}
      />
      {problem && <p className="text-xs text-danger">{problem}</p>}
    </fieldset>
  );
}
