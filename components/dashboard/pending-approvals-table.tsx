import Link from 'next/link';
import { formatDuration } from '@/components/format';
import { Cell, DataTable } from '@/components/ui/table';
import type { PendingApproval } from '@/lib/dashboard/pending-approvals';

/** The approvals waiting for a decision, oldest first, each linking to its run. */
export function PendingApprovalsTable({ approvals }: { approvals: PendingApproval[] }) {
  return (
    <DataTable
      columns={['Workflow', 'Node', 'Waiting for']}
      isEmpty={approvals.length === 0}
      empty="No approval is waiting."
    >
      {approvals.map((approval) => (
        <tr key={`${approval.runId}/${approval.nodeId}`}>
          <Cell>
            <Link href={`/runs/${approval.runId}`} className="hover:underline">
              {approval.workflowName}
            </Link>
          </Cell>
          <Cell className="font-mono text-xs">{approval.nodeId}</Cell>
          <Cell className="tabular-nums">{formatDuration(Math.round(approval.ageMs))}</Cell>
        </tr>
      ))}
    </DataTable>
  );
}
