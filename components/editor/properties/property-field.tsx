'use client';

import { useId } from 'react';
import { useExpressionMode } from './expression-toggle';
import { FieldControl } from './field-control';
import { controlIds, FieldFrame } from './field-frame';
import { useFormContext } from './form-context';
import { ObjectFieldset } from './object-fields';
import { problemAt } from './problem-paths';
import type { FieldDescriptor } from './schema-fields';
import { UnionField } from './union-field';

/** One labelled field of a config or of settings, with its help text and problem. */
export function PropertyField({
  field,
  path,
  value,
  onChange,
}: {
  field: FieldDescriptor;
  path: string;
  value: unknown;
  onChange(value: unknown): void;
}) {
  const { problems } = useFormContext();
  const id = useId();
  const mode = useExpressionMode(field, value, onChange);
  if (!mode.asExpression && field.kind === 'union') {
    return <UnionField field={field} path={path} value={value} onChange={onChange} />;
  }
  if (!mode.asExpression && field.kind === 'object') {
    return <ObjectFieldset field={field} path={path} value={value} onChange={onChange} />;
  }
  // A JSON document or an expression has no fields of its own to show deeper problems on.
  const problem = problemAt(problems, path, mode.asExpression || field.kind === 'json');
  return (
    <FieldFrame
      id={id}
      label={field.label}
      required={field.required}
      description={field.description}
      problem={problem}
      action={mode.toggle}
    >
      <FieldControl
        field={field}
        path={path}
        value={value}
        onChange={onChange}
        ids={controlIds(id, Boolean(field.description), Boolean(problem))}
        invalid={Boolean(problem)}
        asExpression={mode.asExpression}
      />
    </FieldFrame>
  );
}
