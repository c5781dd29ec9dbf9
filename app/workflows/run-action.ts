'use server';

import { redirect } from 'next/navigation';
import { requirePermission } from '@/lib/auth/current-org';
import { startRun } from '@/lib/runs/start-run';

export async function runWorkflowAction(form: FormData) {
  const org = await requirePermission('run:start');
  const { runId } = await startRun(org, String(form.get('id')), {}, { trigger: 'MANUAL' });
  redirect(`/runs?started=${runId}`);
}
