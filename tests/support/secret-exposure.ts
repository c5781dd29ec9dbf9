import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, inject } from 'vitest';
import { db } from '@/lib/db/client';
import { apiFetch } from './api';

/**
 * Checks that a secret appears nowhere a run leaves a trace: the run, runs and audit APIs, the
 * run's steps, log lines and row, and every line the web server, worker and collab server printed.
 */
export async function expectSecretNowhere(secret: string, runIds: string[]) {
  const apiText = await Promise.all(
    [...runIds.map((id) => `/api/runs/${id}`), '/api/runs', '/api/audit-events', '/api/credentials'].map(
      async (route) => (await apiFetch(route)).text(),
    ),
  );
  const stored = await Promise.all(
    runIds.map(async (runId) => ({
      steps: await db().runStep.findMany({ where: { runId } }),
      logs: await db().runLog.findMany({ where: { runId } }),
      run: await db().run.findUnique({ where: { id: runId } }),
    })),
  );
  const records = JSON.stringify(stored, (_key, value) => (typeof value === 'bigint' ? String(value) : value));
  const logs = await Promise.all(
    ['web', 'worker', 'collab'].map((name) => readFile(path.join(inject('platform').logDir, `${name}.log`), 'utf8')),
  );
  expect(apiText.join('\n')).not.toContain(secret);
  expect(records).not.toContain(secret);
  expect(logs.join('\n')).not.toContain(secret);
}
