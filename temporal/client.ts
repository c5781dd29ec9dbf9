import { Client, Connection } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { serverEnv } from '../lib/config/server-env';
import { tracingConfigured } from '../lib/telemetry/tracing';

const globalForTemporal = globalThis as unknown as { temporalClient?: Promise<Client> };

/** One cached Temporal client per process; a failed connect is forgotten so the next call retries. */
export function temporalClient(): Promise<Client> {
  globalForTemporal.temporalClient ??= (async () => {
    const { TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE } = serverEnv();
    const connection = await Connection.connect({ address: TEMPORAL_ADDRESS, connectTimeout: 3_000 });
    // With tracing on, starting a workflow carries the caller's trace into its headers.
    const interceptors = tracingConfigured() ? { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } : undefined;
    return new Client({ connection, namespace: TEMPORAL_NAMESPACE, interceptors });
  })().catch((error: unknown) => {
    globalForTemporal.temporalClient = undefined;
    throw error;
  });
  return globalForTemporal.temporalClient;
}
