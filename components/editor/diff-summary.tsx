'use client';

import type { DefinitionDiff, FieldChange } from '@/lib/workflows/definition-diff';
import { diffIsEmpty } from '@/lib/workflows/definition-diff';

const shortJson = (value: unknown) => {
  if (value === undefined) return '(unset)';
  // A string shown as written, not JSON-escaped: expressions and code stay readable.
  const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
};

function FieldChanges({ fields }: { fields: FieldChange[] }) {
  return (
    <ul className="mt-0.5 flex flex-col gap-0.5 pl-3">
      {fields.map((field) => (
        <li key={field.path} className="font-mono text-[11px] break-all">
          <span className="text-muted-foreground">{field.path}: </span>
          <span className="text-danger line-through">{shortJson(field.before)}</span>{' '}
          <span className="text-success">{shortJson(field.after)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Every change of a diff, node by node and field by field; a node's id selects it on the canvas. */
export function DiffSummary({ diff, onSelectNode }: { diff: DefinitionDiff; onSelectNode: (id: string) => void }) {
  if (diffIsEmpty(diff)) return <p className="text-sm text-muted-foreground">The two are the same.</p>;
  const nodeButton = (id: string) => (
    <button type="button" className="font-mono text-xs text-primary hover:underline" onClick={() => onSelectNode(id)}>
      {id}
    </button>
  );
  const edgeText = (edge: { source: string; sourceHandle: string; target: string }) =>
    `${edge.source}${edge.sourceHandle === 'out' ? '' : `.${edge.sourceHandle}`} → ${edge.target}`;
  return (
    <ul aria-label="Changes" className="flex flex-col gap-1.5 text-sm">
      {diff.nodes.added.map((node) => (
        <li key={`added-${node.id}`}>
          <span className="text-success">Added</span> {nodeButton(node.id)}
        </li>
      ))}
      {diff.nodes.removed.map((node) => (
        <li key={`removed-${node.id}`}>
          <span className="text-danger">Removed</span> {nodeButton(node.id)}
        </li>
      ))}
      {diff.nodes.changed.map((change) => (
        <li key={`changed-${change.id}`}>
          <span className="text-amber-600 dark:text-amber-400">Changed</span> {nodeButton(change.id)}
          <FieldChanges fields={change.fields} />
        </li>
      ))}
      {diff.edges.added.map((edge) => (
        <li key={`edge-added-${edge.id}`} className="text-xs">
          <span className="text-success">Connected</span> <span className="font-mono">{edgeText(edge)}</span>
        </li>
      ))}
      {diff.edges.removed.map((edge) => (
        <li key={`edge-removed-${edge.id}`} className="text-xs">
          <span className="text-danger">Disconnected</span> <span className="font-mono">{edgeText(edge)}</span>
        </li>
      ))}
      {diff.settings.length > 0 && (
        <li>
          <span className="text-amber-600 dark:text-amber-400">Workflow settings</span>
          <FieldChanges fields={diff.settings} />
        </li>
      )}
    </ul>
  );
}
