'use client';

import { useId, type ReactNode } from 'react';
import { useExpressionMode } from './expression-toggle';
import { FieldControl } from './field-control';
import { useFormContext } from './form-context';
import { problemAt } from './problem-paths';
import type { FieldDescriptor } from './schema-fields';

/** One value in a list or a record, named by `label` rather than by a field label above it. */
export function RowValue({
  field,
  path,
  value,
  onChange,
  label,
  before,
  after,
}: {
  field: FieldDescriptor;
  path: string;
  value: unknown;
  onChange(value: unknown): void;
  label: string;
  /** Shown on the row's left (a record's key) and right (its remove button). */
  before?: ReactNode;
  after?: ReactNode;
}) {
  const { problems } = useFormContext();
  const id = useId();
  const mode = useExpressionMode(field, value, onChange);
  const problem = problemAt(problems, path, mode.asExpression || field.kind === 'json');
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-start gap-1.5">
        {before}
        <div className="min-w-0 flex-1">
          <FieldControl
            field={field}
            path={path}
            value={value}
            onChange={onChange}
            ids={{ id, label, ...(problem ? { describedBy: `${id}-error` } : {}) }}
            invalid={Boolean(problem)}
            asExpression={mode.asExpression}
          />
        </div>
        {mode.toggle && <div className="flex h-9 items-center">{mode.toggle}</div>}
        {after}
      </div>
      {problem && (
        <p id={`${id}-error`} className="text-xs text-danger">
          {problem}
        </p>
      )}
    </div>
  );
}
