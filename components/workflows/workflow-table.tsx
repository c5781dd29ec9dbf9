import { Badge } from '@/components/ui/badge';
import { formatRelativeTime } from '@/components/format';
import type { WorkflowSummary } from '@/lib/workflows/workflows';
import { Cell, DataTable } from '@/components/ui/table';
import { RowAction } from '@/components/ui/row-action';
import { runWorkflowAction } from '@/app/workflows/run-action';

/** The org's workflows; `canRun` adds a Run button to those with a published version. */
export function WorkflowTable({ workflows, canRun }: { workflows: WorkflowSummary[]; canRun: boolean }) {
  return (
    <DataTable columns={['Name', 'Version', 'Runs', 'Updated', '']}>
      {workflows.map((workflow) => (
        <tr key={workflow.id} className="hover:bg-surface-raised">
          <Cell>
            <div className="font-medium">{workflow.name}</div>
            {workflow.description && (
              <div className="mt-0.5 line-clamp-1 text-xs text-muted-foreground">{workflow.description}</div>
            )}
          </Cell>
          <Cell>
            {workflow.latestVersion === null ? (
              <Badge>Draft</Badge>
            ) : (
              <Badge tone="info">v{workflow.latestVersion}</Badge>
            )}
          </Cell>
          <Cell className="font-mono text-xs tabular-nums">{workflow.runCount}</Cell>
          <Cell className="text-muted-foreground" title={workflow.updatedAt.toISOString()}>
            {formatRelativeTime(workflow.updatedAt)}
          </Cell>
          <Cell className="text-right">
            {canRun && workflow.latestVersion !== null && (
              <RowAction action={runWorkflowAction} id={workflow.id} label="Run" />
            )}
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
}
