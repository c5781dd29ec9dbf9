import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { assertPortFree, getFreePort, isPortFree } from './ports';

describe('ports', () => {
  it('reports a taken port with the variable that moves the service', async () => {
    const server = net.createServer();
    const port = await getFreePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      expect(await isPortFree(port)).toBe(false);
      await expect(assertPortFree(port, 'Redis', 'REDIS_PORT')).rejects.toThrow(
        `Port ${port} for Redis is already in use: stop what holds it, or set REDIS_PORT.`,
      );
    } finally {
      server.close();
    }
    expect(await isPortFree(port)).toBe(true);
  });
});
