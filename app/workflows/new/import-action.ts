'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { ApiError } from '@/lib/api/errors';
import { assertJsonStorable } from '@/lib/api/request-limits';
import { requirePermission } from '@/lib/auth/current-org';
import type { DefinitionProblem } from '@/lib/definition/validate';
import { firstIssueMessage } from '@/lib/validation/issue-message';
import { workflowExportFile } from '@/lib/workflows/export-format';
import { importWorkflow } from '@/lib/workflows/export-import';
import type { ImportWorkflowState } from '@/components/workflows/import-workflow-form';

/** Imports an export file's text as POST /api/workflows/import does, then opens the new workflow. */
export async function importWorkflowAction(fileText: string): Promise<ImportWorkflowState> {
  const org = await requirePermission('workflow:publish');
  let workflowId: string;
  try {
    assertJsonStorable(fileText);
    let json: unknown;
    try {
      json = JSON.parse(fileText);
    } catch (error) {
      return { error: `The file is not JSON: ${(error as Error).message}` };
    }
    const file = workflowExportFile.safeParse(json);
    if (!file.success) return { error: `This is not a workflow export: ${firstIssueMessage(file.error)}` };
    workflowId = (await importWorkflow(org, file.data)).id;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'invalid_definition') {
      const problems = (error.details as DefinitionProblem[]).map((problem) => problem.message);
      return { error: 'The workflow in this file is not valid, so nothing was imported:', problems };
    }
    return { error: error.message };
  }
  revalidatePath('/');
  redirect(`/workflows/${workflowId}`);
}
