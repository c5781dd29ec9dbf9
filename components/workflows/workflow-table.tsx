import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { formatRelativeTime } from '@/components/format';
import type { WorkflowSummary } from '@/lib/workflows/workflows';
import { Cell, DataTable } from '@/components/ui/table';
import { RowAction } from '@/components/ui/row-action';

/** The org's workflows, each name opening its editor; `runAction` adds a Run button to those with a published version. */
export function WorkflowTable({
  workflows,
  runAction,
}: {
  workflows: WorkflowSummary[];
  /** Starts a run of the workflow whose id the form posts; left out for roles that may not run. */
  runAction?: (form: FormData) => Promise<void>;
}) {
  return (
    <DataTable columns={['Name', 'Version', 'Runs', 'Updated', '']}>
      {workflows.map((workflow) => (
        <tr key={workflow.id} className="hover:bg-surface-raised">
          <Cell>
            <Link href={`/workflows/${workflow.id}`} className="font-medium hover:underline">
              {workflow.name}
            </Link>
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
            {runAction && workflow.latestVersion !== null && (
              <RowAction action={runAction} id={workflow.id} label="Run" />
            )}
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
}
