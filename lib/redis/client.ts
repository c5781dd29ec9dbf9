import { Redis } from 'ioredis';
import { serverEnv } from '../config/server-env';
import { createLogger } from '../logging/logger';

const globalForRedis = globalThis as unknown as { redis?: Redis };
const log = createLogger({ component: 'redis' });

/** The process's shared Redis connection for commands (not for blocking or pub/sub use). */
export function redis(): Redis {
  if (!globalForRedis.redis) {
    const client = new Redis(serverEnv().REDIS_URL, {
      // Fail commands after a couple of reconnect attempts instead of queueing them forever.
      maxRetriesPerRequest: 2,
      // Commands issued in the same tick (the publishes of runs progressing side by side, a
      // request's rate-limit check beside another's) leave in one socket write, not one each.
      enableAutoPipelining: true,
    });
    // ioredis retries on its own; report an outage once, not on every reconnect attempt.
    let lastError = '';
    client.on('error', (error: Error) => {
      if (error.message !== lastError) log.warn('redis connection error', { error: error.message });
      lastError = error.message;
    });
    client.on('ready', () => (lastError = ''));
    globalForRedis.redis = client;
  }
  return globalForRedis.redis;
}

/**
 * A connection of its own for SUBSCRIBE, without ioredis's ready check: a subscribe sent while the
 * connection was still starting put it in subscriber mode before the check's INFO, which Redis
 * then refused, and ioredis failed every command queued behind it ("Connection in subscriber
 * mode"), so requests waiting on a run's end missed it.
 */
export function redisSubscriber(): Redis {
  return redis().duplicate({ enableReadyCheck: false });
}
