import { createLogger } from '../logging/logger';
import type { RunChangeFeed } from './run-change-feed';
import type { RunEventBatch } from './run-stream-events';
import { encodeEvent, HEARTBEAT } from './sse';

const log = createLogger({ component: 'run-event-stream' });

export const HEARTBEAT_MS = 15_000;

export interface RunEventSource {
  feed: RunChangeFeed;
  /** The events after change number `seq`; null once the run is gone. */
  readAfter(seq: number): Promise<RunEventBatch | null>;
}

/**
 * The body of one run's event stream: `first`, then on each announced change whatever the
 * database holds after the last change number sent, so an event is never sent twice and a
 * change announced while a read is under way is picked up by the next read. Ends when the run
 * does, when the client goes away, or on a failed read (the browser then resumes from its last
 * event id).
 */
export function runEventBody(
  first: RunEventBatch,
  source: RunEventSource,
  signal: AbortSignal,
  heartbeatMs = HEARTBEAT_MS,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array>;
  let lastSeq = first.lastSeq;
  let stopped = false;
  let reading = false;
  let readAgain = false;
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  const send = (text: string) => controller.enqueue(encoder.encode(text));
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(heartbeat);
    signal.removeEventListener('abort', finish);
    source.feed.close();
  };
  function finish() {
    if (stopped) return;
    stop();
    controller.close();
  }
  const emit = (batch: RunEventBatch) => {
    for (const event of batch.events) send(encodeEvent(event));
    lastSeq = batch.lastSeq;
    if (batch.finished) finish();
  };
  const catchUp = async () => {
    if (reading) {
      readAgain = true;
      return;
    }
    reading = true;
    try {
      do {
        readAgain = false;
        const batch = await source.readAfter(lastSeq);
        if (stopped) return;
        if (!batch) return finish();
        emit(batch);
      } while (readAgain && !stopped);
    } catch (error) {
      log.warn('run event stream read failed; the client resumes from its last event', { error });
      finish();
    } finally {
      reading = false;
    }
  };

  return new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      emit(first);
      if (stopped) return;
      if (signal.aborted) return finish();
      signal.addEventListener('abort', finish);
      source.feed.onChange(() => void catchUp());
      // The read on each beat also catches a change whose announcement was lost.
      heartbeat = setInterval(() => {
        send(HEARTBEAT);
        void catchUp();
      }, heartbeatMs);
    },
    cancel: stop,
  });
}
