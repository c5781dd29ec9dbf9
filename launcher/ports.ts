import net from 'node:net';
import { LaunchError } from './errors';

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Fails with the env var that moves the service when its port is taken. */
export async function assertPortFree(port: number, service: string, envVar: string) {
  if (!(await isPortFree(port))) {
    throw new LaunchError(`Port ${port} for ${service} is already in use: stop what holds it, or set ${envVar}.`);
  }
}

export function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export function waitForPort(port: number, timeoutMs: number, host = '127.0.0.1'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect({ port, host });
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline)
          reject(new LaunchError(`Nothing answered on ${host}:${port} within ${timeoutMs} ms.`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}
