import type { OrgContext } from '../auth/current-org';
import { createLogger } from '../logging/logger';
import { redisSubscriber } from '../redis/client';
import { HEARTBEAT_MS } from './run-event-body';
import { orgRunsChannel } from './run-events';
import { orgRunEventSchema } from './run-stream-schema';
import { encodeEvent, HEARTBEAT, SSE_HEADERS } from './sse';

const log = createLogger({ component: 'org-run-stream' });

/**
 * Status changes of every run in the org as Server-Sent Events (`run`: `{ runId, status }`), as
 * the worker publishes them, for run lists to follow. Nothing is replayed after a reconnect: a
 * list reads the runs afresh instead, so the event ids only count.
 */
export async function openOrgRunStream(org: OrgContext, signal: AbortSignal): Promise<Response> {
  const subscriber = redisSubscriber();
  subscriber.on('error', (error: Error) =>
    log.warn('org run stream error', { orgId: org.orgId, error: error.message }),
  );
  try {
    await subscriber.subscribe(orgRunsChannel(org.orgId));
  } catch (error) {
    subscriber.disconnect();
    throw error;
  }
  const encoder = new TextEncoder();
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let sent = 0;
  let stopped = false;
  const stop = () => {
    if (stopped) return false;
    stopped = true;
    clearInterval(heartbeat);
    subscriber.disconnect();
    return true;
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      subscriber.on('message', (_channel: string, message: string) => {
        const event = orgRunEventSchema.safeParse(JSON.parse(message));
        // Patches without a status (none today) say nothing a list shows.
        if (event.success) send(encodeEvent({ event: 'run', id: String(++sent), data: event.data }));
      });
      // Opens the stream at once, so the browser knows it is connected.
      send(HEARTBEAT);
      heartbeat = setInterval(() => send(HEARTBEAT), HEARTBEAT_MS);
      signal.addEventListener('abort', () => {
        if (stop()) controller.close();
      });
    },
    cancel: () => void stop(),
  });
  return new Response(body, { headers: SSE_HEADERS });
}
