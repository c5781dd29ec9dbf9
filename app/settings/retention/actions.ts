'use server';

import { revalidatePath } from 'next/cache';
import { requirePermission } from '@/lib/auth/current-org';
import { retentionSchema, updateOrgRetention } from '@/lib/retention/retention-settings';
import { firstIssueMessage } from '@/lib/validation/issue-message';

export interface RetentionFormState {
  error?: string;
  saved?: boolean;
}

export async function saveRetentionAction(_previous: RetentionFormState, form: FormData): Promise<RetentionFormState> {
  // An empty or non-numeric field reaches the schema as NaN, which it refuses by name.
  const parsed = retentionSchema.safeParse({
    runDays: Number(form.get('runDays') || Number.NaN),
    logDays: Number(form.get('logDays') || Number.NaN),
  });
  if (!parsed.success) return { error: firstIssueMessage(parsed.error) };
  await updateOrgRetention(await requirePermission('retention:manage'), parsed.data);
  revalidatePath('/settings/retention');
  return { saved: true };
}
