'use client';

import { useState } from 'react';
import { cn } from '@/components/ui/cn';
import { fromExpression, isExpression, toExpression } from './field-values';
import { useFormContext } from './form-context';
import type { FieldDescriptor } from './schema-fields';

/**
 * Whether a non-text field is edited as a `{{ }}` expression (a condition, the items of a loop),
 * and the button that switches it. Text fields take templates anyway; settings never do.
 */
export function useExpressionMode(field: FieldDescriptor, value: unknown, onChange: (value: unknown) => void) {
  const { expressions, readOnly } = useFormContext();
  // Stays on while the expression is being written, even before it has its `{{`.
  const [pinned, setPinned] = useState(false);
  const eligible = expressions && field.kind !== 'string';
  const asExpression = eligible && (pinned || isExpression(value));
  // Structured fields (objects, unions) switch back from an expression but are not offered one.
  const offered = asExpression || (eligible && field.kind !== 'object' && field.kind !== 'union');
  const toggle = offered ? (
    <button
      type="button"
      aria-pressed={asExpression}
      title={asExpression ? 'Use a fixed value' : 'Use an expression'}
      disabled={readOnly}
      onClick={() => {
        setPinned(!asExpression);
        onChange(asExpression ? fromExpression(value) : toExpression(value ?? field.default));
      }}
      className={cn(
        'rounded px-1.5 font-mono text-xs leading-5 text-muted-foreground hover:bg-muted hover:text-foreground disabled:opacity-50',
        asExpression && 'bg-accent text-accent-foreground',
      )}
    >
      {'{{ }}'}
    </button>
  ) : null;
  return { asExpression, toggle };
}
