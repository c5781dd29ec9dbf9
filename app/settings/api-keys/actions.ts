'use server';

import { firstIssueMessage } from '@/lib/validation/issue-message';
import { revalidatePath } from 'next/cache';
import { requirePermission } from '@/lib/auth/current-org';
import { createApiKey, createApiKeyBody, revokeApiKey } from '@/lib/auth/api-keys';
import { ApiError } from '@/lib/api/errors';

export interface CreateKeyState {
  error?: string;
  created?: { name: string; key: string };
}

export async function createKeyAction(_previous: CreateKeyState, form: FormData): Promise<CreateKeyState> {
  const expires = String(form.get('expiresAt') ?? '');
  const parsed = createApiKeyBody.safeParse({
    name: form.get('name'),
    role: form.get('role'),
    // A date input sends YYYY-MM-DD; anything else is left for the schema to refuse by name.
    ...(expires ? { expiresAt: /^\d{4}-\d{2}-\d{2}$/.test(expires) ? `${expires}T23:59:59Z` : expires } : {}),
  });
  if (!parsed.success) return { error: firstIssueMessage(parsed.error) };
  try {
    const created = await createApiKey(await requirePermission('apikey:manage'), parsed.data);
    revalidatePath('/settings/api-keys');
    return { created: { name: created.name, key: created.key } };
  } catch (error) {
    if (error instanceof ApiError) return { error: error.message };
    throw error;
  }
}

export async function revokeKeyAction(form: FormData) {
  await revokeApiKey(await requirePermission('apikey:manage'), String(form.get('id')));
  revalidatePath('/settings/api-keys');
}
