'use server';

import { revalidatePath } from 'next/cache';
import { orgFormAction } from '@/lib/forms/org-form-action';
import { updateAllowlistBody, updateOrgAllowlist } from '@/lib/outbound/org-allowlist';

export interface AllowlistFormState {
  error?: string;
  saved?: boolean;
}

export async function saveAllowlistAction(_previous: AllowlistFormState, form: FormData): Promise<AllowlistFormState> {
  // One entry per line; commas work too, as in OUTBOUND_ALLOWED_TARGETS.
  const entries = String(form.get('entries') ?? '')
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  return orgFormAction('network:manage', async (org) => {
    await updateOrgAllowlist(org, updateAllowlistBody.parse({ entries }).entries);
    revalidatePath('/settings/network');
    return { saved: true };
  });
}
