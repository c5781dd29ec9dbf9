'use server';

import { revalidatePath } from 'next/cache';
import { requirePermission } from '@/lib/auth/current-org';
import { updateAllowlistBody, updateOrgAllowlist } from '@/lib/outbound/org-allowlist';
import { firstIssueMessage } from '@/lib/validation/issue-message';

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
  const parsed = updateAllowlistBody.safeParse({ entries });
  if (!parsed.success) return { error: firstIssueMessage(parsed.error) };
  await updateOrgAllowlist(await requirePermission('network:manage'), parsed.data.entries);
  revalidatePath('/settings/network');
  return { saved: true };
}
