import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { STUB_HOST } from './test-server';

/**
 * Forwards TCP connections from the stand-ins' address to a service of the test platform, so a
 * test can use a real server (Postgres) as an outside one, where the outbound guard allows it.
 */
export class TcpForwarder {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<{ host: string; port: number }> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => (socket === client ? upstream : client).destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, STUB_HOST, resolve));
    return { host: STUB_HOST, port: (this.server.address() as AddressInfo).port };
  }

  async stop() {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
