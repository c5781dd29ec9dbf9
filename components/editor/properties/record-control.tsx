'use client';

import { FieldGroup } from './field-frame';
import { useState } from 'react';
import { Input } from '@/components/ui/input';
import type { ControlProps } from './control-props';
import { initialValue, isObject, type JsonObject } from './field-values';
import { useFormContext } from './form-context';
import { childPath } from './problem-paths';
import { fromRows, nextRowKey, sameRecord, shadowedRows, toRows, type RecordRow } from './record-rows';
import { AddRowButton, RemoveRowButton } from './row-actions';
import { RowValue } from './row-value';
import { singular, type RecordField } from './schema-fields';

/** Free keys (headers, query parameters, variables) as name/value rows. */
export function RecordControl({ field, path, value, onChange, ids }: ControlProps<RecordField>) {
  const { readOnly } = useFormContext();
  const record: JsonObject = isObject(value) ? value : {};
  const [rows, setRows] = useState(() => toRows(record));
  const [seen, setSeen] = useState(value);
  // A new value from elsewhere replaces the rows, unless they already say the same.
  if (value !== seen) {
    setSeen(value);
    if (!sameRecord(fromRows(rows), record)) setRows(toRows(record));
  }
  const what = singular(field.label);
  const keyPattern = field.keyPattern ? new RegExp(field.keyPattern) : undefined;
  const shadowed = shadowedRows(rows);

  const update = (next: RecordRow[]) => {
    setRows(next);
    const object = fromRows(next);
    if (sameRecord(object, record)) return;
    onChange(Object.keys(object).length === 0 && !field.required ? undefined : object);
  };
  const edit = (key: number, change: Partial<RecordRow>) =>
    update(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));

  return (
    <FieldGroup ids={ids}>
      {rows.map((row, index) => {
        const badName = row.name !== '' && keyPattern !== undefined && !keyPattern.test(row.name);
        return (
          <div key={row.key} className="flex flex-col gap-1">
            <RowValue
              field={field.value}
              path={childPath(path, row.name)}
              value={row.value}
              onChange={(next) => edit(row.key, { value: next })}
              label={row.name ? `Value of ${row.name}` : `Value of ${what} ${index + 1}`}
              before={
                <Input
                  value={row.name}
                  onChange={(event) => edit(row.key, { name: event.target.value })}
                  placeholder="name"
                  aria-label={`Name of ${what} ${index + 1}`}
                  aria-invalid={badName || shadowed.has(row.key) || undefined}
                  title={badName ? `Names must match ${field.keyPattern}` : undefined}
                  disabled={readOnly}
                  className="w-32 shrink-0 font-mono text-xs disabled:opacity-70"
                />
              }
              after={
                readOnly ? null : (
                  <RemoveRowButton
                    label={`Remove ${row.name || `${what} ${index + 1}`}`}
                    onClick={() => update(rows.filter((other) => other.key !== row.key))}
                  />
                )
              }
            />
            {shadowed.has(row.key) && (
              <p className="text-xs text-danger">“{row.name}” is repeated below: only the last one is kept.</p>
            )}
          </div>
        );
      })}
      {readOnly ? (
        rows.length === 0 && <p className="text-sm text-muted-foreground">None</p>
      ) : (
        <AddRowButton
          what={what}
          onClick={() => update([...rows, { key: nextRowKey(rows), name: '', value: initialValue(field.value) }])}
        />
      )}
    </FieldGroup>
  );
}
