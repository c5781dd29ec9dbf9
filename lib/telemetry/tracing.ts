import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { detectResourcesSync, envDetectorSync, Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export interface Tracing {
  resource: Resource;
  spanProcessor: SpanProcessor;
}

/**
 * Tracing is on when an OTLP endpoint is set through the standard variables
 * (`OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) and not switched off
 * (`OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none`). Off, nothing is traced at all.
 */
export function tracingConfigured(env: Record<string, string | undefined> = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  if (env.OTEL_TRACES_EXPORTER?.trim().toLowerCase() === 'none') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

const globalForTracing = globalThis as unknown as { tracing?: Tracing | null };

/**
 * Registers this process's tracer provider, exporting over OTLP/HTTP as the `OTEL_*` variables
 * say (endpoint, headers, timeout; `OTEL_SERVICE_NAME` and `OTEL_RESOURCE_ATTRIBUTES` name the
 * source). Returns null when tracing is off. Once per process.
 */
export function startTracing(service: string): Tracing | null {
  if (globalForTracing.tracing !== undefined) return globalForTracing.tracing;
  if (!tracingConfigured()) {
    globalForTracing.tracing = null;
    return null;
  }
  const resource = new Resource({ 'service.name': `floworchestrator-${service}` }).merge(
    detectResourcesSync({ detectors: [envDetectorSync] }),
  );
  const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter());
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  globalForTracing.tracing = { resource, spanProcessor };
  return globalForTracing.tracing;
}
