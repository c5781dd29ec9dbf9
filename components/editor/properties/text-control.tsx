'use client';

import { Input } from '@/components/ui/input';
import { CodeEditor } from './code-editor';
import type { ControlProps } from './control-props';
import { namingAttributes } from './field-frame';
import { useFormContext } from './form-context';

export type TextLanguage = 'template' | 'program' | 'javascript' | 'plain';

const FORMAT_HINTS: Record<string, string> = {
  uri: 'https://…',
  'date-time': '2030-01-31T09:00:00Z',
  uuid: '00000000-0000-0000-0000-000000000000',
};

function placeholderFor({ field }: ControlProps): string | undefined {
  if (field.default !== undefined && field.default !== '') return String(field.default);
  return field.kind === 'string' && field.format ? FORMAT_HINTS[field.format] : undefined;
}

/** Text: in a CodeMirror editor for config values (templates, programs, code), a plain input for settings. */
export function TextControl(props: ControlProps & { language: TextLanguage }) {
  const { field, value, onChange, ids, invalid, language } = props;
  const { readOnly, extensions } = useFormContext();
  const text = typeof value === 'string' ? value : value === undefined ? '' : String(value);
  // Clearing an optional field removes it, so its default applies again.
  const commit = (next: string) => onChange(next === '' && !field.required ? undefined : next);
  const placeholder = placeholderFor(props);

  if (language === 'plain') {
    return (
      <Input
        {...namingAttributes(ids)}
        value={text}
        onChange={(event) => commit(event.target.value)}
        placeholder={placeholder}
        aria-invalid={invalid || undefined}
        aria-required={field.required || undefined}
        disabled={readOnly}
        className="disabled:opacity-70"
      />
    );
  }
  return (
    <CodeEditor
      value={text}
      onChange={commit}
      extensions={extensions[language]}
      readOnly={readOnly}
      invalid={invalid}
      required={field.required}
      labelledBy={ids.labelId}
      label={ids.label}
      describedBy={ids.describedBy}
      placeholder={placeholder}
    />
  );
}
