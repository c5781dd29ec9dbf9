import { inject, describe, expect, it } from 'vitest';

describe('GET /api/health', () => {
  it('answers 200 with every dependency up', async () => {
    const response = await fetch(`${inject('platform').webUrl}/api/health`);
    const body = await response.json();
    expect(body.status).toBe('up');
    expect(response.status).toBe(200);
    for (const name of ['database', 'redis', 'temporal', 'worker', 'collab']) {
      expect(body.dependencies[name]).toMatchObject({ status: 'up' });
    }
    expect(body.dependencies.worker.detail).toContain(inject('platform').taskQueue);
  });
});
