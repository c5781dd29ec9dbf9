import { Redis } from 'ioredis';
import { serverEnv } from '../config/server-env';

const globalForRedis = globalThis as unknown as { redis?: Redis };

/** The process's shared Redis connection for commands (not for blocking or pub/sub use). */
export function redis(): Redis {
  globalForRedis.redis ??= new Redis(serverEnv().REDIS_URL, {
    // Fail commands after a couple of reconnect attempts instead of queueing them forever.
    maxRetriesPerRequest: 2,
  });
  return globalForRedis.redis;
}
