'use client';

import type { JSX } from 'react';
import { useCallback, useMemo } from 'react';
import { changedKeys, isObject } from './field-values';
import type { OutputFields } from './output-fields';
import { FormContext } from './form-context';
import { ObjectFields } from './object-fields';
import { PropertyField } from './property-field';
import { describeSchema } from './schema-fields';
import { configEditor } from './special-editors';
import { UnionField } from './union-field';
import { useFormContextValue } from './use-form-context-value';

export interface NodePropertiesFormProps {
  /** The node type's `configSchema` from GET /api/nodes. */
  schema: Record<string, unknown>;
  /** For the few fields with an editor of their own (special-editors.ts). */
  nodeType: string;
  config: Record<string, unknown>;
  /** A top-level config field changed; `undefined` removes it. */
  onFieldChange(field: string, value: unknown): void;
  /** Messages by path (`config.url`, `config.cases[0].when`), shown on their fields. */
  problems: Record<string, string>;
  readOnly: boolean;
  credentials: { id: string; name: string; type: string }[];
  /** What `{{ nodes.` completes to: the other nodes, and their outputs' known fields. */
  expressionContext: { nodeIds: string[]; outputFields?: Record<string, OutputFields> };
}

/** A node's config form, generated from its type's JSON Schema. */
export function NodePropertiesForm({
  schema,
  nodeType,
  config,
  onFieldChange,
  problems,
  readOnly,
  credentials,
  expressionContext,
}: NodePropertiesFormProps): JSX.Element {
  const root = useMemo(() => describeSchema(schema), [schema]);
  const specialEditor = useCallback(
    (path: string) => configEditor(nodeType, path.replace(/^config\./, '')),
    [nodeType],
  );
  const context = useFormContextValue({
    problems,
    readOnly,
    expressions: true,
    specialEditor,
    credentials,
    nodeIds: expressionContext.nodeIds,
    outputFields: expressionContext.outputFields,
  });
  // Editors hand up the whole new config; the draft is written field by field.
  const change = (next: unknown) => {
    const after = isObject(next) ? next : {};
    for (const key of changedKeys(config, after)) onFieldChange(key, after[key]);
  };

  return (
    <FormContext value={context}>
      <div className="flex min-w-0 flex-col gap-4">
        {root.kind === 'object' ? (
          root.fields.length > 0 ? (
            <ObjectFields fields={root.fields} path="config" value={config} onChange={change} />
          ) : (
            <p className="text-sm text-muted-foreground">This node has nothing to configure.</p>
          )
        ) : root.kind === 'union' ? (
          <UnionField field={root} path="config" value={config} onChange={change} />
        ) : (
          <PropertyField field={{ ...root, label: 'Config' }} path="config" value={config} onChange={change} />
        )}
      </div>
    </FormContext>
  );
}
