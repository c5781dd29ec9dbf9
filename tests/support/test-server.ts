import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  startedAt: number;
  endedAt?: number;
}

/**
 * Where stand-ins for outside services listen: a loopback address of its own, which the test
 * platform opens with OUTBOUND_ALLOWED_TARGETS, while 127.0.0.1 (the platform's own services)
 * stays blocked as it is by default.
 */
export const STUB_HOST = '127.0.0.2';

type Reply = { status?: number; json?: unknown; headers?: Record<string, string>; delayMs?: number } | 'hold';

/**
 * A local HTTP server for engine tests: records every request with its timing and answers
 * with what the test scripted for the path (default 200 `{ ok: true, path }`).
 */
export class TestServer {
  readonly seen: SeenRequest[] = [];
  private readonly scripts = new Map<string, (request: SeenRequest) => Reply>();
  private readonly held: (() => void)[] = [];
  private readonly heldWaiters: (() => void)[] = [];
  private server?: http.Server;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => void this.answer(req, res, body));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, STUB_HOST, resolve));
    return `http://${STUB_HOST}:${(this.server.address() as AddressInfo).port}`;
  }

  on(path: string, reply: (request: SeenRequest) => Reply) {
    this.scripts.set(path, reply);
  }

  requests(path: string) {
    return this.seen.filter((request) => request.path === path);
  }

  /** Resolves once a request is being held open ('hold' reply). */
  waitForHeld(): Promise<void> {
    if (this.held.length) return Promise.resolve();
    return new Promise((resolve) => this.heldWaiters.push(resolve));
  }

  releaseHeld() {
    for (const release of this.held.splice(0)) release();
  }

  async stop() {
    this.releaseHeld();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async answer(req: http.IncomingMessage, res: http.ServerResponse, body: string) {
    const request: SeenRequest = {
      method: req.method ?? 'GET',
      path: new URL(req.url ?? '/', 'http://x').pathname,
      headers: req.headers,
      body,
      startedAt: Date.now(),
    };
    this.seen.push(request);
    const reply = this.scripts.get(request.path)?.(request) ?? {};
    if (reply === 'hold') {
      await new Promise<void>((resolve) => {
        this.held.push(resolve);
        for (const waiter of this.heldWaiters.splice(0)) waiter();
      });
      request.endedAt = Date.now();
      if (!res.destroyed)
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ released: true }));
      return;
    }
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    request.endedAt = Date.now();
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.json ?? { ok: true, path: request.path }));
  }
}
