import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiServer {
  url: string;
  close(): Promise<void>;
}

function answer(url: URL, requestBody: string): { status: number; json: unknown } {
  if (url.pathname === '/items') {
    const limit = Number(url.searchParams.get('limit') ?? 1);
    const tag = url.searchParams.get('tag') ?? 'item';
    const items = Array.from({ length: limit }, (_, index) => ({
      sku: `${tag}-${index + 1}`,
      price: 1000 + 250 * index,
    }));
    return { status: 200, json: { items, count: items.length } };
  }
  if (url.pathname === '/orders') {
    const order = JSON.parse(requestBody || '{}') as { customer?: string; skus?: string[]; total?: number };
    return { status: 201, json: { id: `order-${order.customer}-${order.skus?.length}`, total: order.total } };
  }
  return { status: 404, json: { error: `no route ${url.pathname}` } };
}

/** The API the bench flow calls: answers JSON at once, so the runs measure the engine, not the network. */
export async function startApiServer(): Promise<ApiServer> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const { status, json } = answer(new URL(req.url ?? '/', 'http://localhost'), body);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
