'use client';

import type { ReactNode } from 'react';
import { Label } from '@/components/ui/input';

/** How a control is named for screen readers: by its field's label, or by a label of its own (a row). */
export interface ControlIds {
  id: string;
  labelId?: string;
  label?: string;
  describedBy?: string;
}

/** The naming attributes of a native control. */
export const namingAttributes = (ids: ControlIds) => ({
  id: ids.id,
  ...(ids.labelId ? { 'aria-labelledby': ids.labelId } : {}),
  ...(ids.label ? { 'aria-label': ids.label } : {}),
  ...(ids.describedBy ? { 'aria-describedby': ids.describedBy } : {}),
});

export function controlIds(id: string, hasHelp: boolean, hasProblem: boolean): ControlIds {
  const describedBy = [hasProblem && `${id}-error`, hasHelp && `${id}-help`].filter(Boolean).join(' ');
  return { id, labelId: `${id}-label`, ...(describedBy ? { describedBy } : {}) };
}

/** A field's label (with a required marker and an optional action), its control, help text and problem. */
export function FieldFrame({
  id,
  label,
  required,
  description,
  problem,
  action,
  children,
}: {
  id: string;
  label: string;
  required: boolean;
  description?: string;
  problem?: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <div className="flex items-center justify-between gap-2">
        <Label id={`${id}-label`} htmlFor={id}>
          {label}
          {required && (
            <span className="ml-0.5 text-danger" aria-hidden>
              *
            </span>
          )}
        </Label>
        {action}
      </div>
      {children}
      {description && (
        <p id={`${id}-help`} className="text-xs text-muted-foreground">
          {description}
        </p>
      )}
      {problem && (
        <p id={`${id}-error`} className="text-xs text-danger">
          {problem}
        </p>
      )}
    </div>
  );
}

/** The rows of a list or record field, named as one group by the field's label. */
export function FieldGroup({ ids, children }: { ids: ControlIds; children: ReactNode }) {
  return (
    <div
      role="group"
      aria-labelledby={ids.labelId}
      aria-label={ids.label}
      aria-describedby={ids.describedBy}
      className="flex flex-col gap-2"
    >
      {children}
    </div>
  );
}
