'use client';

import type { JSX } from 'react';
import { useMemo } from 'react';
import { z } from 'zod';
import { nodeSettingsSchema } from '@/lib/definition/schema';
import { changedKeys } from './field-values';
import { FormContext } from './form-context';
import { ObjectFields } from './object-fields';
import { describeSchema, type FieldDescriptor, type ObjectField } from './schema-fields';
import { settingsEditor } from './special-editors';
import { useFormContextValue } from './use-form-context-value';

export interface NodeSettingsFormProps {
  kind: 'pure' | 'activity' | 'control';
  settings: Record<string, unknown>;
  /** A top-level settings field changed (retry, timeoutMs, taskQueue, activityMode, onError, compensation); `undefined` removes it. */
  onFieldChange(field: string, value: unknown): void;
  /** Messages by path (`settings.retry.maxAttempts`), shown on their fields. */
  problems: Record<string, string>;
  readOnly: boolean;
  /** The nodes that may serve as this one's compensation. */
  nodeIds: string[];
}

// The definition schema carries no descriptions; these say what the engine does with each setting.
const HELP: Record<string, string> = {
  retry: 'How often a failed attempt is tried again, and how long to wait in between.',
  timeoutMs: 'Limit for one attempt; the attempt fails when it runs longer.',
  taskQueue: 'The Temporal task queue of the workers that run this node; empty for the default.',
  activityMode:
    'local: runs inside the run’s own worker with no Temporal round trip (fast; a crashed worker’s attempt runs again from the start). regular: a Temporal activity task with heartbeats. Empty: local when no task queue is set and the timeout is at most 60 s.',
  onError:
    'fail: the run fails. continue: the error becomes the output. error-branch: the node’s error handle is taken.',
  compensation: 'A node run to undo this node’s effect when the run fails or is cancelled, in reverse order.',
};

// Retries, timeouts and task queues belong to Temporal activities: other nodes run in the workflow itself.
const ACTIVITY_ONLY = new Set(['retry', 'timeoutMs', 'taskQueue', 'activityMode']);

const settingsFields = (describeSchema(z.toJSONSchema(nodeSettingsSchema, { io: 'input' })) as ObjectField).fields.map(
  (field): FieldDescriptor => ({ ...field, ...(HELP[field.name] ? { description: HELP[field.name] } : {}) }),
);

/** A node's settings (lib/definition/schema.ts `nodeSettingsSchema`): those that apply to its kind. */
export function NodeSettingsForm({
  kind,
  settings,
  onFieldChange,
  problems,
  readOnly,
  nodeIds,
}: NodeSettingsFormProps): JSX.Element {
  const fields = useMemo(
    () => settingsFields.filter((field) => kind === 'activity' || !ACTIVITY_ONLY.has(field.name)),
    [kind],
  );
  const context = useFormContextValue({
    problems,
    readOnly,
    // Settings are read by the engine as they are: they are never evaluated.
    expressions: false,
    specialEditor: (path) => settingsEditor(path.replace(/^settings\./, '')),
    credentials: [],
    nodeIds,
  });
  const change = (next: Record<string, unknown>) => {
    for (const key of changedKeys(settings, next)) onFieldChange(key, next[key]);
  };

  return (
    <FormContext value={context}>
      <div className="flex min-w-0 flex-col gap-4">
        <ObjectFields fields={fields} path="settings" value={settings} onChange={change} />
      </div>
    </FormContext>
  );
}
