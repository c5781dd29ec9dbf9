'use server';

import { revalidatePath } from 'next/cache';
import { credentialValueFromForm } from '@/lib/connectors/credential-form-fields';
import { orgFormAction } from '@/lib/forms/org-form-action';
import { updateCredential } from '@/lib/vault/credentials';
import { testCredential, testCredentialBody, type CredentialTestResult } from '@/lib/vault/test-credential';
import { updateCredentialBody } from '@/lib/vault/schemas';

export interface EditState {
  error?: string;
  saved?: boolean;
}

/** Renames, and replaces the value when any value field was filled in (values are write-only). */
export async function updateCredentialAction(_previous: EditState, form: FormData): Promise<EditState> {
  const value = credentialValueFromForm(form);
  const replacing = Object.values(value).some((field) => field !== '');
  return orgFormAction('credential:manage', async (org) => {
    const body = updateCredentialBody.parse({ name: form.get('name'), ...(replacing ? { value } : {}) });
    // A value that does not fit the type's schema is refused by name (`value.token: …`).
    await updateCredential(org, String(form.get('id')), body);
    revalidatePath('/settings/credentials');
    return { saved: true };
  });
}

export async function testCredentialAction(
  _previous: CredentialTestResult | null,
  form: FormData,
): Promise<CredentialTestResult> {
  const url = String(form.get('url') ?? '');
  const result = await orgFormAction('credential:manage', (org) =>
    testCredential(org, String(form.get('id')), testCredentialBody.parse(url ? { url } : {})),
  );
  return 'error' in result ? { ok: false, message: result.error } : result;
}
