'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { credentialValueFromForm } from '@/lib/connectors/credential-form-fields';
import { requirePermission } from '@/lib/auth/current-org';
import { orgFormAction } from '@/lib/forms/org-form-action';
import { deleteCredential, storeCredential } from '@/lib/vault/credentials';
import { createCredentialBody } from '@/lib/vault/schemas';

export interface CredentialFormState {
  error?: string;
  savedName?: string;
}

export async function createCredentialAction(
  _previous: CredentialFormState,
  form: FormData,
): Promise<CredentialFormState> {
  const value = credentialValueFromForm(form);
  return orgFormAction('credential:manage', async (org) => {
    const body = createCredentialBody.parse({ name: form.get('name'), type: form.get('type'), value });
    await storeCredential(org, body);
    revalidatePath('/settings/credentials');
    return { savedName: body.name };
  });
}

export async function deleteCredentialAction(form: FormData) {
  await deleteCredential(await requirePermission('credential:manage'), String(form.get('id')));
  revalidatePath('/settings/credentials');
  // Also leaves the credential's own page, which no longer exists.
  redirect('/settings/credentials');
}
