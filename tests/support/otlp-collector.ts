import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One span as OTLP/JSON carries it (ids in hex), with the service that sent it. */
export interface CollectedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Record<string, unknown>;
}

interface OtlpAttribute {
  key: string;
  value: Record<string, unknown>;
}

interface OtlpTraceRequest {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: { spans?: (Omit<CollectedSpan, 'service' | 'attributes'> & { attributes?: OtlpAttribute[] })[] }[];
  }[];
}

const plain = (attributes: OtlpAttribute[] = []) =>
  Object.fromEntries(attributes.map(({ key, value }) => [key, Object.values(value)[0]]));

/** One data point of an exported metric: its attributes and its value (a histogram's count). */
export interface CollectedPoint {
  attributes: Record<string, unknown>;
  value: number;
}

interface OtlpPoint {
  attributes?: OtlpAttribute[];
  asDouble?: number;
  asInt?: number | string;
  count?: number | string;
}

interface OtlpMetricsRequest {
  resourceMetrics?: {
    scopeMetrics?: {
      metrics?: {
        name: string;
        sum?: { dataPoints: OtlpPoint[] };
        gauge?: { dataPoints: OtlpPoint[] };
        histogram?: { dataPoints: OtlpPoint[] };
      }[];
    }[];
  }[];
}

/**
 * A stand-in for an OpenTelemetry collector: takes OTLP/HTTP JSON exports on POST /v1/traces
 * and /v1/metrics, as the platform's exporters send them, and answers GET /spans?traceId=… and
 * GET /metrics?name=… (the points of that metric's latest export) so test files (in other
 * processes) can read what arrived.
 */
export class OtlpCollector {
  private readonly spans: CollectedSpan[] = [];
  private readonly latestMetrics = new Map<string, CollectedPoint[]>();
  private server?: http.Server;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://collector');
        if (req.method === 'POST' && url.pathname === '/v1/traces') {
          this.collect(JSON.parse(body) as OtlpTraceRequest);
          res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        } else if (req.method === 'POST' && url.pathname === '/v1/metrics') {
          this.collectMetrics(JSON.parse(body) as OtlpMetricsRequest);
          res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        } else if (req.method === 'GET' && url.pathname === '/metrics') {
          const points = this.latestMetrics.get(url.searchParams.get('name') ?? '') ?? [];
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(points));
        } else if (req.method === 'GET' && url.pathname === '/spans') {
          const traceId = url.searchParams.get('traceId');
          const found = this.spans.filter((span) => span.traceId === traceId);
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(found));
        } else {
          res.writeHead(404).end();
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private collect(request: OtlpTraceRequest) {
    for (const resourceSpans of request.resourceSpans ?? []) {
      const service = String(plain(resourceSpans.resource?.attributes)['service.name'] ?? '');
      for (const scope of resourceSpans.scopeSpans ?? []) {
        for (const span of scope.spans ?? []) {
          this.spans.push({
            service,
            traceId: span.traceId,
            spanId: span.spanId,
            ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
            name: span.name,
            attributes: plain(span.attributes),
          });
        }
      }
    }
  }

  private collectMetrics(request: OtlpMetricsRequest) {
    for (const resourceMetrics of request.resourceMetrics ?? []) {
      for (const scope of resourceMetrics.scopeMetrics ?? []) {
        for (const metric of scope.metrics ?? []) {
          const points = (metric.sum ?? metric.gauge ?? metric.histogram)?.dataPoints ?? [];
          this.latestMetrics.set(
            metric.name,
            points.map((point) => ({
              attributes: plain(point.attributes),
              value: Number(point.asDouble ?? point.asInt ?? point.count ?? 0),
            })),
          );
        }
      }
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
