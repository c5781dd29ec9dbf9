'use server';

import { revalidatePath } from 'next/cache';
import { credentialValueFromForm } from '@/lib/connectors/credential-form-fields';
import { orgFormAction } from '@/lib/forms/org-form-action';
import { updateCredential } from '@/lib/vault/credentials';
import { testCredential, testCredentialBody, type CredentialTestResult } from '@/lib/vault/test-credential';
import { updateCredentialBody } from '@/lib/vault/schemas';
import { requirePermission } from '@/lib/auth/current-org';
import { resetCredentialCircuit } from '@/lib/connectors/credential-guard/circuit-status';
import type { LimitsFormState } from '@/components/settings/credential-limits-form';

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

const LIMIT_FIELDS = ['requestsPerMinute', 'breakerFailures', 'breakerCooldownSeconds'] as const;

/** Replaces the credential's limits; an empty field means no rate limit, or the breaker's default. */
export async function updateCredentialLimitsAction(
  _previous: LimitsFormState,
  form: FormData,
): Promise<LimitsFormState> {
  const limits = Object.fromEntries(
    LIMIT_FIELDS.flatMap((field) => {
      const text = String(form.get(field) ?? '').trim();
      return text === '' ? [] : [[field, Number(text)]];
    }),
  );
  return orgFormAction('credential:manage', async (org) => {
    // Out of range or not a whole number is refused by name (`limits.requestsPerMinute: …`).
    await updateCredential(org, String(form.get('id')), updateCredentialBody.parse({ limits }));
    revalidatePath(`/settings/credentials/${String(form.get('id'))}`);
    return { saved: true };
  });
}

/** Closes the credential's circuit (admins), as DELETE /api/credentials/:id/circuit does. */
export async function resetCircuitAction(form: FormData): Promise<void> {
  const org = await requirePermission('credential:reset');
  const id = String(form.get('id'));
  await resetCredentialCircuit(org, id);
  revalidatePath(`/settings/credentials/${id}`);
}
