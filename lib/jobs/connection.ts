import { Redis } from 'ioredis';
import { serverEnv } from '../config/server-env';
import { createLogger } from '../logging/logger';

const log = createLogger({ component: 'jobs-redis' });

/**
 * A connection of BullMQ's own on the platform's Redis (REDIS_URL). Unlike the shared command
 * connection (lib/redis/client.ts), which fails a command after two reconnect attempts, BullMQ
 * needs `maxRetriesPerRequest: null`: its workers block on Redis and must wait out an outage.
 */
export function jobsConnection(): Redis {
  const connection = new Redis(serverEnv().REDIS_URL, { maxRetriesPerRequest: null });
  // ioredis retries on its own; report an outage once, not on every reconnect attempt.
  let lastError = '';
  connection.on('error', (error: Error) => {
    if (error.message !== lastError) log.warn('redis connection error', { error: error.message });
    lastError = error.message;
  });
  connection.on('ready', () => (lastError = ''));
  return connection;
}
