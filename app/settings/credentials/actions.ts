'use server';

import { firstIssueMessage } from '@/lib/validation/issue-message';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requirePermission } from '@/lib/auth/current-org';
import { deleteCredential, storeCredential } from '@/lib/vault/credentials';
import { createCredentialBody } from '@/lib/vault/schemas';
import { credentialValueFromForm } from '@/lib/connectors/credential-form-fields';

export interface CredentialFormState {
  error?: string;
  savedName?: string;
}

export async function createCredentialAction(
  _previous: CredentialFormState,
  form: FormData,
): Promise<CredentialFormState> {
  const value = credentialValueFromForm(form);
  const parsed = createCredentialBody.safeParse({ name: form.get('name'), type: form.get('type'), value });
  if (!parsed.success) {
    return { error: firstIssueMessage(parsed.error) };
  }
  const org = await requirePermission('credential:manage');
  await storeCredential(org, parsed.data);
  revalidatePath('/settings/credentials');
  return { savedName: parsed.data.name };
}

export async function deleteCredentialAction(form: FormData) {
  const org = await requirePermission('credential:manage');
  const id = String(form.get('id'));
  await deleteCredential(org, id);
  revalidatePath('/settings/credentials');
  // Also leaves the credential's own page, which no longer exists.
  redirect('/settings/credentials');
}
