import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { CreateWorkflowForm } from './create-workflow-form';

export const metadata: Metadata = { title: 'New workflow' };

export default function NewWorkflowPage() {
  return (
    <>
      <PageHeader title="New workflow" description="Name it now; you design its steps on the canvas." />
      <div className="max-w-xl px-8 py-6">
        <CreateWorkflowForm />
      </div>
    </>
  );
}
