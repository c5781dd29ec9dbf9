import { createLogger } from '../logging/logger';
import { redisSubscriber } from '../redis/client';
import { runEventsChannel } from './run-events';

const log = createLogger({ component: 'run-change-feed' });

/** Tells one stream that its run may have changed; what changed is read from the database. */
export interface RunChangeFeed {
  /** Calls `listener` on every change from now on, and at once if one came before it was set. */
  onChange(listener: () => void): void;
  close(): void;
}

/**
 * Subscribes to the run's progress channel on a connection of its own (a subscribed Redis
 * connection can do nothing else), resolving once Redis has confirmed the subscription.
 */
export async function subscribeToRunChanges(runId: string): Promise<RunChangeFeed> {
  const subscriber = redisSubscriber();
  let listener: (() => void) | undefined;
  let missed = false;
  const changed = () => {
    if (listener) listener();
    else missed = true;
  };
  subscriber.on('error', (error: Error) => log.warn('run change feed error', { runId, error: error.message }));
  // Progress reports, with steps or only log lines, alike: each is a change.
  subscriber.on('message', changed);
  try {
    await subscriber.subscribe(runEventsChannel(runId));
  } catch (error) {
    subscriber.disconnect();
    throw error;
  }
  // Pub/sub keeps nothing for a connection that is down: after a reconnect, whatever was
  // published meanwhile is read as a change.
  subscriber.on('ready', changed);
  return {
    onChange(next) {
      listener = next;
      if (missed) next();
      missed = false;
    },
    close: () => subscriber.disconnect(),
  };
}
