import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { ReadOnlyNotice } from '@/components/auth/permission-notices';
import { ImportWorkflowForm } from '@/components/workflows/import-workflow-form';
import { requireOrg } from '@/lib/auth/current-org';
import { isAllowed } from '@/lib/auth/policy';
import { listTemplates } from '@/lib/workflows/templates';
import { CreateWorkflowForm } from './create-workflow-form';
import { importWorkflowAction } from './import-action';

export const metadata: Metadata = { title: 'New workflow' };

export default async function NewWorkflowPage() {
  const org = await requireOrg();
  return (
    <>
      <PageHeader
        title="New workflow"
        description="Start blank, from a template or from an exported file; you design its steps on the canvas."
      />
      <div className="flex max-w-5xl flex-col gap-10 px-8 py-6">
        {isAllowed(org.role, 'workflow:edit') ? (
          <CreateWorkflowForm templates={listTemplates()} />
        ) : (
          <ReadOnlyNotice role={org.role} what="this organization's workflows" />
        )}
        {isAllowed(org.role, 'workflow:publish') && (
          <section aria-labelledby="import-heading" className="flex max-w-xl flex-col gap-3">
            <div>
              <h2 id="import-heading" className="text-base font-semibold">
                Import a JSON file
              </h2>
              <p className="mt-1 text-sm text-muted-foreground">
                A file exported from FlowOrchestrator; its definition is published as version 1.
              </p>
            </div>
            <ImportWorkflowForm importAction={importWorkflowAction} />
          </section>
        )}
      </div>
    </>
  );
}
