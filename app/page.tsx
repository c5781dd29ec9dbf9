import Link from 'next/link';
import { Plus, Workflow } from 'lucide-react';
import { PageHeader } from '@/components/shell/page-header';
import { EmptyState } from '@/components/shell/empty-state';
import { buttonVariants } from '@/components/ui/button';
import { WorkflowTable } from '@/components/workflows/workflow-table';
import { requireOrg } from '@/lib/auth/current-org';
import { isAllowed } from '@/lib/auth/policy';
import { listWorkflows } from '@/lib/workflows/workflows';
import { runWorkflowAction } from './workflows/run-action';

export default async function WorkflowsPage() {
  const org = await requireOrg();
  const workflows = await listWorkflows(org);
  const newWorkflow = isAllowed(org.role, 'workflow:edit') ? (
    <Link href="/workflows/new" className={buttonVariants()}>
      <Plus /> New workflow
    </Link>
  ) : undefined;
  return (
    <>
      <PageHeader
        title="Workflows"
        description="Design automations on the canvas, publish versions, run them on Temporal."
        actions={workflows.length > 0 ? newWorkflow : undefined}
      />
      <div className="px-8 py-6">
        {workflows.length === 0 ? (
          <EmptyState icon={Workflow} title="No workflows yet" action={newWorkflow}>
            A workflow is a graph of triggers, actions, AI steps and approvals that runs durably. Create your first one
            to start building.
          </EmptyState>
        ) : (
          <WorkflowTable
            workflows={workflows}
            runAction={isAllowed(org.role, 'run:start') ? runWorkflowAction : undefined}
          />
        )}
      </div>
    </>
  );
}
