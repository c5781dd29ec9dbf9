'use server';

import { firstIssueMessage } from '@/lib/validation/issue-message';
import { revalidatePath } from 'next/cache';
import { ZodError } from 'zod';
import { requirePermission } from '@/lib/auth/current-org';
import { ApiError } from '@/lib/api/errors';
import { credentialValueFromForm } from '@/lib/connectors/credential-form-fields';
import { updateCredential } from '@/lib/vault/credentials';
import { testCredential, testCredentialBody, type CredentialTestResult } from '@/lib/vault/test-credential';
import { updateCredentialBody } from '@/lib/vault/schemas';

export interface EditState {
  error?: string;
  saved?: boolean;
}

/** Renames, and replaces the value when any value field was filled in (values are write-only). */
export async function updateCredentialAction(_previous: EditState, form: FormData): Promise<EditState> {
  const id = String(form.get('id'));
  const value = credentialValueFromForm(form);
  const replacing = Object.values(value).some((field) => field !== '');
  const parsed = updateCredentialBody.safeParse({ name: form.get('name'), ...(replacing ? { value } : {}) });
  if (!parsed.success) return { error: firstIssueMessage(parsed.error) };
  const org = await requirePermission('credential:manage');
  try {
    await updateCredential(org, id, parsed.data);
  } catch (error) {
    if (error instanceof ApiError) return { error: error.message };
    // A value that does not fit the type's schema.
    if (error instanceof ZodError) return { error: firstIssueMessage(error, 'value') };
    throw error;
  }
  revalidatePath('/settings/credentials');
  return { saved: true };
}

export async function testCredentialAction(
  _previous: CredentialTestResult | null,
  form: FormData,
): Promise<CredentialTestResult> {
  const url = String(form.get('url') ?? '');
  const parsed = testCredentialBody.safeParse(url ? { url } : {});
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message };
  const org = await requirePermission('credential:manage');
  try {
    return await testCredential(org, String(form.get('id')), parsed.data);
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, message: error.message };
    throw error;
  }
}
