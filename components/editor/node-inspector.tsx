'use client';

import type * as Y from 'yjs';
import type { DraftNode } from '@/lib/collab/draft-doc';
import { removeNodes, renameNodeLabel, setNodeField } from '@/lib/collab/draft-edits';
import type { PaletteNode } from '@/lib/connectors/palette';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/input';
import { NodeIcon } from './node-icon';
import { NodePropertiesForm } from './properties/node-properties-form';
import { NodeSettingsForm } from './properties/node-settings-form';
import type { OutputFields } from './properties/output-fields';
import type { DraftProblem } from './use-draft-problems';
import { WebhookPanel } from './webhook-panel';
import { WebhookTestPanel } from './webhook-test-panel';
import { SchedulePanel } from './schedule-panel';

export interface NodeInspectorProps {
  doc: Y.Doc;
  node: DraftNode;
  type: PaletteNode | undefined;
  problems: DraftProblem[];
  readOnly: boolean;
  nodeIds: string[];
  /** What each node's output is known to hold, for completing expressions. */
  outputFields: Record<string, OutputFields>;
  credentials: { id: string; name: string; type: string }[];
  /** Shows a run of the draft on the canvas: one a webhook test call started. */
  onTestRun: (runId: string) => void;
}

/** The selected node's name, config and settings, each edit written to the draft as it is made. */
export function NodeInspector(props: NodeInspectorProps) {
  const { doc, node, type, problems, readOnly, nodeIds, outputFields, credentials, onTestRun } = props;
  const byPath = Object.fromEntries(problems.filter((p) => p.path).map((p) => [p.path!, p.message]));
  const general = problems.filter((p) => !p.path || !(p.path.startsWith('config') || p.path.startsWith('settings')));
  return (
    <aside
      aria-label="Node properties"
      className="flex w-96 shrink-0 flex-col gap-4 overflow-y-auto border-l border-border bg-surface p-4"
    >
      <header className="flex items-start gap-2">
        <NodeIcon name={type?.icon ?? 'box'} className="mt-1 size-5 shrink-0" />
        <div className="min-w-0 flex-1">
          <h2 className="font-medium">{type?.label ?? node.type}</h2>
          <p className="font-mono text-xs text-muted-foreground">
            {node.id} · {node.type}
          </p>
          {type && <p className="mt-1 text-xs text-muted-foreground">{type.description}</p>}
        </div>
      </header>
      {general.length > 0 && (
        <ul className="rounded-md border border-danger/40 bg-danger/5 p-2 text-xs text-danger">
          {general.map((problem) => (
            <li key={problem.message}>{problem.message}</li>
          ))}
        </ul>
      )}
      {node.type === 'trigger.webhook' && (
        <>
          <WebhookPanel readOnly={readOnly} />
          <WebhookTestPanel readOnly={readOnly} onTestRun={onTestRun} />
        </>
      )}
      {node.type === 'trigger.schedule' && <SchedulePanel readOnly={readOnly} />}
      <Field label="Label" htmlFor="node-label">
        <Input
          id="node-label"
          defaultValue={node.name ?? ''}
          key={`${node.id}-label`}
          placeholder={type?.label}
          readOnly={readOnly}
          onBlur={(event) => !readOnly && renameNodeLabel(doc, node.id, event.target.value)}
        />
      </Field>
      {type ? (
        <NodePropertiesForm
          key={node.id}
          schema={type.configSchema as Record<string, unknown>}
          nodeType={node.type}
          config={node.config}
          onFieldChange={(field, value) => setNodeField(doc, node.id, 'config', field, value)}
          problems={byPath}
          readOnly={readOnly}
          credentials={credentials}
          expressionContext={{ nodeIds: nodeIds.filter((id) => id !== node.id), outputFields }}
        />
      ) : (
        <p className="text-sm text-danger">Unknown node type “{node.type}”: it cannot be configured or published.</p>
      )}
      <details open={Object.keys(node.settings).length > 0}>
        <summary className="cursor-pointer text-sm font-medium">Settings: retries, timeout, errors</summary>
        <div className="mt-3">
          <NodeSettingsForm
            key={node.id}
            kind={type?.kind ?? 'activity'}
            settings={node.settings}
            onFieldChange={(field, value) => setNodeField(doc, node.id, 'settings', field, value)}
            problems={byPath}
            readOnly={readOnly}
            nodeIds={nodeIds.filter((id) => id !== node.id)}
          />
        </div>
      </details>
      {!readOnly && (
        <Button variant="secondary" className="mt-auto" onClick={() => removeNodes(doc, [node.id])}>
          Delete node
        </Button>
      )}
    </aside>
  );
}
