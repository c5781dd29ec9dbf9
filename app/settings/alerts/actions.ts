'use server';

import { revalidatePath } from 'next/cache';
import { alertRuleBody } from '@/lib/alerts/alert-rule-schema';
import { createAlertRule, deleteAlertRule } from '@/lib/alerts/alert-rules';
import { requirePermission } from '@/lib/auth/current-org';
import { orgFormAction } from '@/lib/forms/org-form-action';

export interface CreateAlertState {
  error?: string;
  created?: { name: string; secret: string };
}

// An empty number field reaches the schema as NaN, which it refuses by name; a disabled one
// (the window of an approval rule) is not sent, and takes the default.
function numberField(form: FormData, name: string) {
  const value = form.get(name);
  return value === null ? undefined : Number(value || Number.NaN);
}

export async function createAlertAction(_previous: CreateAlertState, form: FormData): Promise<CreateAlertState> {
  return orgFormAction('alert:manage', async (org) => {
    const body = alertRuleBody.parse({
      name: form.get('name'),
      kind: form.get('kind'),
      threshold: numberField(form, 'threshold'),
      windowMinutes: numberField(form, 'windowMinutes'),
      webhookUrl: form.get('webhookUrl'),
    });
    const created = await createAlertRule(org, body);
    revalidatePath('/settings/alerts');
    return { created: { name: created.name, secret: created.secret } };
  });
}

export async function deleteAlertAction(form: FormData) {
  await deleteAlertRule(await requirePermission('alert:manage'), String(form.get('id')));
  revalidatePath('/settings/alerts');
}
