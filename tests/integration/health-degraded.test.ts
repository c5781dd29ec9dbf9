import { afterAll, describe, expect, it } from 'vitest';
import { getFreePort } from '@/launcher/ports';

describe('health checks with dependencies down', () => {
  afterAll(async () => {
    const { redis } = await import('@/lib/redis/client');
    redis().disconnect();
  });

  it('names exactly the dependencies that are unreachable', async () => {
    // Nothing listens on these ports; the module is imported after the env points at them.
    process.env.REDIS_URL = `redis://127.0.0.1:${await getFreePort()}`;
    process.env.COLLAB_INTERNAL_URL = `http://127.0.0.1:${await getFreePort()}`;
    const { checkHealth } = await import('@/lib/health/checks');

    const report = await checkHealth();

    expect(report.status).toBe('down');
    expect(report.dependencies.redis.status).toBe('down');
    expect(report.dependencies.collab.status).toBe('down');
    expect(report.dependencies.collab.detail).toMatch(/fetch failed|ECONNREFUSED/);
    expect(report.dependencies.database.status).toBe('up');
    expect(report.dependencies.temporal.status).toBe('up');
    expect(report.dependencies.worker.status).toBe('up');
  });
});
