import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { redis, redisSubscriber } from '@/lib/redis/client';

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

  it('takes subscribes and unsubscribes of many channels interleaved on one subscriber connection', async () => {
    // As the run-end watcher does: requests subscribe to their run's channel and leave it,
    // side by side. Spread over 300 ms in a fixed pattern, so some land in the same tick.
    const connection = redisSubscriber();
    connection.on('error', () => undefined);
    const refused: string[] = [];
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await Promise.all(
      Array.from({ length: 400 }, async (_, index) => {
        const channel = `test-interleaved:${randomUUID()}`;
        await pause((index * 7) % 300);
        try {
          await connection.subscribe(channel);
          await pause((index * 13) % 50);
          await connection.unsubscribe(channel);
        } catch (error) {
          refused.push((error as Error).message);
        }
      }),
    );
    connection.disconnect();
    expect(refused).toEqual([]);
  });
});
