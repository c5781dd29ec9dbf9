'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { requirePermission } from '@/lib/auth/current-org';
import { createWorkflowInput } from '@/lib/workflows/schemas';
import { findTemplate } from '@/lib/workflows/templates';
import { createWorkflow } from '@/lib/workflows/workflows';

export interface CreateWorkflowState {
  fieldErrors?: Partial<Record<'name' | 'description' | 'templateId', string>>;
  values?: { name: string; description: string };
}

/** Creates a blank workflow, or one from the template whose card was chosen, and opens it in the editor. */
export async function createWorkflowAction(
  _previous: CreateWorkflowState,
  form: FormData,
): Promise<CreateWorkflowState> {
  const values = { name: String(form.get('name') ?? ''), description: String(form.get('description') ?? '') };
  const templateId = form.get('templateId') === null ? undefined : String(form.get('templateId'));
  const template = templateId === undefined ? undefined : findTemplate(templateId);
  // A template names the workflow when the person has not.
  const parsed = createWorkflowInput.safeParse({
    name: values.name.trim() || template?.name || '',
    description: values.description.trim() || template?.description || '',
    templateId,
  });
  if (!parsed.success) {
    const fieldErrors: CreateWorkflowState['fieldErrors'] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof typeof fieldErrors;
      fieldErrors[field] ??= issue.message;
    }
    return { fieldErrors, values };
  }
  const { id } = await createWorkflow(await requirePermission('workflow:edit'), parsed.data);
  revalidatePath('/');
  redirect(`/workflows/${id}`);
}
