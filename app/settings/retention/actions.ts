'use server';

import { revalidatePath } from 'next/cache';
import { orgFormAction } from '@/lib/forms/org-form-action';
import { retentionSchema, updateOrgRetention } from '@/lib/retention/retention-settings';

export interface RetentionFormState {
  error?: string;
  saved?: boolean;
}

export async function saveRetentionAction(_previous: RetentionFormState, form: FormData): Promise<RetentionFormState> {
  return orgFormAction('retention:manage', async (org) => {
    // An empty or non-numeric field reaches the schema as NaN, which it refuses by name.
    const body = retentionSchema.parse({
      runDays: Number(form.get('runDays') || Number.NaN),
      logDays: Number(form.get('logDays') || Number.NaN),
    });
    await updateOrgRetention(org, body);
    revalidatePath('/settings/retention');
    return { saved: true };
  });
}
