'use client';

import { ArrayControl } from './array-control';
import { BooleanControl } from './boolean-control';
import type { ControlProps } from './control-props';
import { EnumControl } from './enum-control';
import { useFormContext } from './form-context';
import { JsonControl } from './json-control';
import { NumberControl } from './number-control';
import { RecordControl } from './record-control';
import { CredentialSelect, NodeSelect } from './reference-select';
import { TextControl } from './text-control';

/** The control for a field's value, chosen by its kind, or by a special editor (special-editors.ts). */
export function FieldControl({ asExpression, ...props }: ControlProps & { asExpression: boolean }) {
  const { expressions, specialEditor } = useFormContext();
  if (asExpression) return <TextControl {...props} language="template" />;
  switch (specialEditor(props.path)) {
    case 'credential':
      return <CredentialSelect {...props} />;
    case 'node':
      return <NodeSelect {...props} />;
    case 'javascript':
      return <TextControl {...props} language="javascript" />;
    case 'program':
      return <TextControl {...props} language="program" />;
  }
  const { field } = props;
  switch (field.kind) {
    case 'string':
      return <TextControl {...props} language={expressions ? 'template' : 'plain'} />;
    case 'number':
      return <NumberControl {...props} field={field} />;
    case 'boolean':
      return <BooleanControl {...props} />;
    case 'enum':
      return <EnumControl {...props} field={field} />;
    case 'array':
      return <ArrayControl {...props} field={field} />;
    case 'record':
      return <RecordControl {...props} field={field} />;
    default:
      // JSON, and objects or unions inside a list, which no node's schema has: JSON edits them all.
      return <JsonControl {...props} />;
  }
}
