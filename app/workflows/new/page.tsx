import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { ReadOnlyNotice } from '@/components/auth/permission-notices';
import { requireOrg } from '@/lib/auth/current-org';
import { isAllowed } from '@/lib/auth/policy';
import { CreateWorkflowForm } from './create-workflow-form';

export const metadata: Metadata = { title: 'New workflow' };

export default async function NewWorkflowPage() {
  const org = await requireOrg();
  return (
    <>
      <PageHeader title="New workflow" description="Name it now; you design its steps on the canvas." />
      <div className="max-w-xl px-8 py-6">
        {isAllowed(org.role, 'workflow:edit') ? (
          <CreateWorkflowForm />
        ) : (
          <ReadOnlyNotice role={org.role} what="this organization's workflows" />
        )}
      </div>
    </>
  );
}
