'use client';

import { FieldGroup } from './field-frame';
import type { ControlProps } from './control-props';
import { initialValue } from './field-values';
import { useFormContext } from './form-context';
import { ObjectFields } from './object-fields';
import { childPath } from './problem-paths';
import { AddRowButton, RemoveRowButton } from './row-actions';
import { RowValue } from './row-value';
import { singular, type ArrayField } from './schema-fields';
import { useRowKeys } from './use-row-keys';

/** A list: a card per object item (a switch's cases), a row per plain one (approvers). */
export function ArrayControl({ field, path, value, onChange, ids }: ControlProps<ArrayField>) {
  const { readOnly } = useFormContext();
  const items = Array.isArray(value) ? value : [];
  const rows = useRowKeys(items.length);
  const what = singular(field.label);

  const set = (index: number, item: unknown) => onChange(items.map((old, i) => (i === index ? item : old)));
  const remove = (index: number) => {
    rows.remove(index);
    const next = items.filter((_, i) => i !== index);
    onChange(next.length === 0 && !field.required ? undefined : next);
  };
  const add = () => {
    rows.add();
    onChange([...items, initialValue(field.item)]);
  };

  return (
    <FieldGroup ids={ids}>
      {items.map((item, index) => {
        const itemPath = childPath(path, index);
        const removeButton = readOnly ? null : (
          <RemoveRowButton label={`Remove ${what} ${index + 1}`} onClick={() => remove(index)} />
        );
        if (field.item.kind === 'object') {
          return (
            <div key={rows.keys[index]} className="flex flex-col gap-3 rounded-md border border-border p-3">
              <div className="-my-1 flex items-center justify-between">
                <span className="text-xs font-medium text-muted-foreground">
                  {what} {index + 1}
                </span>
                {removeButton}
              </div>
              <ObjectFields
                fields={field.item.fields}
                path={itemPath}
                value={item}
                onChange={(next) => set(index, next)}
              />
            </div>
          );
        }
        return (
          <RowValue
            key={rows.keys[index]}
            field={field.item}
            path={itemPath}
            value={item}
            onChange={(next) => set(index, next)}
            label={`${what} ${index + 1}`}
            after={removeButton}
          />
        );
      })}
      {readOnly ? (
        items.length === 0 && <p className="text-sm text-muted-foreground">None</p>
      ) : (
        <AddRowButton
          what={what}
          onClick={add}
          disabled={field.maxItems !== undefined && items.length >= field.maxItems}
        />
      )}
    </FieldGroup>
  );
}
