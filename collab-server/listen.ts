import type { Server } from '@hocuspocus/server';

/**
 * Starts a Hocuspocus server on `host` alone. Hocuspocus 3's own listen() hands Node
 * `{ port, address }`, but Node's listen() reads `host`, so it would accept connections on every
 * interface whatever `address` says. This listens on the HTTP server Hocuspocus built instead,
 * then does the rest of what its listen() does: the onListen hooks, and a clean stop on signals.
 */
export async function listenOn(server: Server, host: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.httpServer.once('error', reject);
    server.httpServer.listen({ host, port }, resolve);
  });
  const { hocuspocus } = server;
  await hocuspocus.hooks('onListen', { instance: hocuspocus, configuration: hocuspocus.configuration, port });
  for (const signal of ['SIGINT', 'SIGQUIT', 'SIGTERM'] as const) {
    process.once(signal, () => void server.destroy().then(() => process.exit(0)));
  }
}
