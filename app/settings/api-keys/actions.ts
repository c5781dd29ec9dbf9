'use server';

import { revalidatePath } from 'next/cache';
import { createApiKey, createApiKeyBody, revokeApiKey } from '@/lib/auth/api-keys';
import { requirePermission } from '@/lib/auth/current-org';
import { orgFormAction } from '@/lib/forms/org-form-action';

export interface CreateKeyState {
  error?: string;
  created?: { name: string; key: string };
}

export async function createKeyAction(_previous: CreateKeyState, form: FormData): Promise<CreateKeyState> {
  const expires = String(form.get('expiresAt') ?? '');
  return orgFormAction('apikey:manage', async (org) => {
    const body = createApiKeyBody.parse({
      name: form.get('name'),
      role: form.get('role'),
      // A date input sends YYYY-MM-DD; anything else is left for the schema to refuse by name.
      ...(expires ? { expiresAt: /^\d{4}-\d{2}-\d{2}$/.test(expires) ? `${expires}T23:59:59Z` : expires } : {}),
    });
    const created = await createApiKey(org, body);
    revalidatePath('/settings/api-keys');
    return { created: { name: created.name, key: created.key } };
  });
}

export async function revokeKeyAction(form: FormData) {
  await revokeApiKey(await requirePermission('apikey:manage'), String(form.get('id')));
  revalidatePath('/settings/api-keys');
}
