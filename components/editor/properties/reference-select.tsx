'use client';

import { Select } from '@/components/ui/input';
import type { ControlProps } from './control-props';
import { namingAttributes } from './field-frame';
import { useFormContext } from './form-context';

/** Picks a stored credential by name (its id is what the config keeps), of the type the field asks for. */
export function CredentialSelect({ field, value, onChange, ids, invalid }: ControlProps) {
  const { readOnly, credentials: all } = useFormContext();
  const current = typeof value === 'string' ? value : '';
  const wanted = field.kind === 'string' && field.credentialType ? [field.credentialType].flat() : undefined;
  // The chosen one stays listed even when of another type: the node names the mismatch when it runs.
  const credentials = all.filter(
    (credential) => !wanted || wanted.includes(credential.type) || credential.id === current,
  );
  const known = credentials.some((credential) => credential.id === current);
  return (
    <Select
      {...namingAttributes(ids)}
      value={current}
      onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
      aria-invalid={invalid || undefined}
      aria-required={field.required || undefined}
      disabled={readOnly}
      className="w-full disabled:opacity-70"
    >
      <option value="">
        {credentials.length > 0
          ? 'Choose…'
          : wanted
            ? `No ${wanted.join(' or ')} credentials yet: add one in Settings`
            : 'No credentials yet: add one in Settings'}
      </option>
      {current && !known && <option value={current}>Unknown credential ({current})</option>}
      {credentials.map((credential) => (
        <option key={credential.id} value={credential.id}>
          {credential.name} ({credential.type})
        </option>
      ))}
    </Select>
  );
}

/** Picks another node of the workflow by id, or none. */
export function NodeSelect({ value, onChange, ids, invalid }: ControlProps) {
  const { readOnly, nodeIds } = useFormContext();
  const current = typeof value === 'string' ? value : '';
  return (
    <Select
      {...namingAttributes(ids)}
      value={current}
      onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
      aria-invalid={invalid || undefined}
      disabled={readOnly}
      className="min-w-40 font-mono disabled:opacity-70"
    >
      <option value="">None</option>
      {current && !nodeIds.includes(current) && <option value={current}>{current} (not in this workflow)</option>}
      {nodeIds.map((id) => (
        <option key={id} value={id}>
          {id}
        </option>
      ))}
    </Select>
  );
}
