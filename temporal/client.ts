import { Client, Connection } from '@temporalio/client';
import { serverEnv } from '../lib/config/server-env';

const globalForTemporal = globalThis as unknown as { temporalClient?: Promise<Client> };

/** One cached Temporal client per process; a failed connect is forgotten so the next call retries. */
export function temporalClient(): Promise<Client> {
  globalForTemporal.temporalClient ??= (async () => {
    const { TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE } = serverEnv();
    const connection = await Connection.connect({ address: TEMPORAL_ADDRESS, connectTimeout: 3_000 });
    return new Client({ connection, namespace: TEMPORAL_NAMESPACE });
  })().catch((error: unknown) => {
    globalForTemporal.temporalClient = undefined;
    throw error;
  });
  return globalForTemporal.temporalClient;
}
