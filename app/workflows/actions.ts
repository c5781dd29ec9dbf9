'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { requirePermission } from '@/lib/auth/current-org';
import { createWorkflowInput } from '@/lib/workflows/schemas';
import { createWorkflow } from '@/lib/workflows/workflows';

export interface CreateWorkflowState {
  fieldErrors?: Partial<Record<'name' | 'description', string>>;
  values?: { name: string; description: string };
}

export async function createWorkflowAction(
  _previous: CreateWorkflowState,
  form: FormData,
): Promise<CreateWorkflowState> {
  const values = { name: String(form.get('name') ?? ''), description: String(form.get('description') ?? '') };
  const parsed = createWorkflowInput.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: CreateWorkflowState['fieldErrors'] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as 'name' | 'description';
      fieldErrors[field] ??= issue.message;
    }
    return { fieldErrors, values };
  }
  await createWorkflow(await requirePermission('workflow:edit'), parsed.data);
  revalidatePath('/');
  redirect('/');
}
