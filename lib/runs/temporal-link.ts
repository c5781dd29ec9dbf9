import { serverEnv, type ServerEnv } from '../config/server-env';

/** The run's workflow in Temporal's web UI (its workflow id is the run id), when the UI's address is known. */
export function temporalRunUrl(
  runId: string,
  { TEMPORAL_UI_URL, TEMPORAL_NAMESPACE }: Pick<ServerEnv, 'TEMPORAL_UI_URL' | 'TEMPORAL_NAMESPACE'> = serverEnv(),
): string | null {
  if (!TEMPORAL_UI_URL) return null;
  const base = TEMPORAL_UI_URL.replace(/\/+$/, '');
  return `${base}/namespaces/${encodeURIComponent(TEMPORAL_NAMESPACE)}/workflows/${encodeURIComponent(runId)}`;
}
