import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { redis } from '@/lib/redis/client';

describe('Redis', () => {
  const key = `test:${randomUUID()}`;
  const subscriber = new Redis(process.env.REDIS_URL!);

  afterAll(async () => {
    await redis().del(key);
    subscriber.disconnect();
    redis().disconnect();
  });

  it('round-trips a value with an expiry', async () => {
    await redis().set(key, 'hello', 'EX', 60);
    expect(await redis().get(key)).toBe('hello');
    const ttl = await redis().ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  it('delivers a published message to a subscriber', async () => {
    const channel = `test-events:${randomUUID()}`;
    await subscriber.subscribe(channel);
    const received = new Promise<string>((resolve) =>
      subscriber.once('message', (_channel, message) => resolve(message)),
    );
    await redis().publish(channel, JSON.stringify({ nodeId: 'a', status: 'RUNNING' }));
    expect(JSON.parse(await received)).toEqual({ nodeId: 'a', status: 'RUNNING' });
  });
});
