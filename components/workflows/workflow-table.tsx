import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { formatRelativeTime } from '@/components/format';
import type { WorkflowSummary } from '@/lib/workflows/workflows';

export function WorkflowTable({ workflows }: { workflows: WorkflowSummary[] }) {
  return (
    <Card className="overflow-hidden">
      <table className="w-full text-sm">
        <thead className="border-b border-border bg-surface-raised text-left text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            <th className="px-4 py-2.5 font-medium">Name</th>
            <th className="px-4 py-2.5 font-medium">Version</th>
            <th className="px-4 py-2.5 font-medium">Runs</th>
            <th className="px-4 py-2.5 font-medium">Updated</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {workflows.map((workflow) => (
            <tr key={workflow.id} className="hover:bg-surface-raised">
              <td className="px-4 py-3">
                <div className="font-medium">{workflow.name}</div>
                {workflow.description && (
                  <div className="mt-0.5 line-clamp-1 text-xs text-muted-foreground">{workflow.description}</div>
                )}
              </td>
              <td className="px-4 py-3">
                {workflow.latestVersion === null ? (
                  <Badge>Draft</Badge>
                ) : (
                  <Badge tone="info">v{workflow.latestVersion}</Badge>
                )}
              </td>
              <td className="px-4 py-3 font-mono text-xs tabular-nums">{workflow.runCount}</td>
              <td className="px-4 py-3 text-muted-foreground" title={workflow.updatedAt.toISOString()}>
                {formatRelativeTime(workflow.updatedAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
