'use client';

import { useState } from 'react';
import { CodeEditor } from './code-editor';
import type { ControlProps } from './control-props';
import { useFormContext } from './form-context';

const format = (value: unknown) => (value === undefined ? '' : JSON.stringify(value, null, 2));

function parse(text: string): { value: unknown } | { error: string } {
  if (text.trim() === '') return { value: undefined };
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Any JSON value. What is typed is committed only once it parses; until then the error shows. */
export function JsonControl({ field, value, onChange, ids, invalid }: ControlProps) {
  const { readOnly, extensions } = useFormContext();
  const formatted = format(value);
  const [draft, setDraft] = useState(formatted);
  const [seen, setSeen] = useState(formatted);
  const parsed = parse(draft);
  // A new value from elsewhere replaces the draft, unless the draft already says the same.
  if (formatted !== seen) {
    setSeen(formatted);
    if (!('value' in parsed) || format(parsed.value) !== formatted) setDraft(formatted);
  }
  const errorId = `${ids.id}-json`;
  return (
    <div className="flex flex-col gap-1">
      <CodeEditor
        value={draft}
        onChange={(text) => {
          setDraft(text);
          const next = parse(text);
          if ('value' in next) onChange(next.value);
        }}
        extensions={extensions.json}
        readOnly={readOnly}
        invalid={invalid || 'error' in parsed}
        required={field.required}
        labelledBy={ids.labelId}
        label={ids.label}
        describedBy={'error' in parsed ? [errorId, ids.describedBy].filter(Boolean).join(' ') : ids.describedBy}
        placeholder={'JSON, e.g. {"key": "{{ input.value }}"}'}
      />
      {'error' in parsed && (
        <p id={errorId} className="text-xs text-danger">
          Not valid JSON ({parsed.error}): the last valid value is kept.
        </p>
      )}
    </div>
  );
}
