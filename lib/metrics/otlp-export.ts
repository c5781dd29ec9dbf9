import { hrTime } from '@opentelemetry/core';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { detectResourcesSync, envDetectorSync, Resource } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader, type MetricProducer } from '@opentelemetry/sdk-metrics';
import { redis } from '../redis/client';
import { platformRegistry } from './exposition';
import { toScopeMetrics, type PromMetric } from './otlp-conversion';
import { positiveIntSetting } from '../config/positive-int-setting';

const EXPORT_LOCK = 'metrics:otlp-export';

/**
 * Metrics go out over OTLP when an endpoint is set (`OTEL_EXPORTER_OTLP_ENDPOINT` or
 * `OTEL_EXPORTER_OTLP_METRICS_ENDPOINT`) and neither the SDK nor the metrics exporter is
 * switched off (`OTEL_SDK_DISABLED=true`, `OTEL_METRICS_EXPORTER=none`).
 */
export function metricsExportConfigured(env: Record<string, string | undefined> = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  if (env.OTEL_METRICS_EXPORTER?.trim().toLowerCase() === 'none') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT?.trim());
}

function exportIntervalMs(): number {
  return positiveIntSetting('OTEL_METRIC_EXPORT_INTERVAL', 60_000);
}

const globalForExport = globalThis as unknown as { otlpMetricsExport?: boolean };

/**
 * Exports the platform's figures (the same registry GET /api/metrics serves, every process
 * summed) to an OpenTelemetry collector every `OTEL_METRIC_EXPORT_INTERVAL` ms (default 60 s).
 * With several web servers one export goes out per interval: each takes a Redis lock first,
 * since each would send the same platform-wide sums. Once per process; nothing when not configured.
 */
export function startMetricsExport(): void {
  if (globalForExport.otlpMetricsExport || !metricsExportConfigured()) return;
  globalForExport.otlpMetricsExport = true;
  const interval = exportIntervalMs();
  const started = hrTime();
  const resource = new Resource({ 'service.name': 'floworchestrator' }).merge(
    detectResourcesSync({ detectors: [envDetectorSync] }),
  );
  const platform: MetricProducer = {
    async collect() {
      const ours = await redis().set(EXPORT_LOCK, String(process.pid), 'PX', Math.max(1, interval - 250), 'NX');
      const metrics = ours ? ((await (await platformRegistry()).getMetricsAsJSON()) as unknown as PromMetric[]) : [];
      return {
        resourceMetrics: {
          resource,
          scopeMetrics: metrics.length ? [toScopeMetrics(metrics, { start: started, end: hrTime() })] : [],
        },
        errors: [],
      };
    },
  };
  const reader = new PeriodicExportingMetricReader({
    exporter: new OTLPMetricExporter(),
    exportIntervalMillis: interval,
    exportTimeoutMillis: Math.min(30_000, interval),
    metricProducers: [platform],
  });
  new MeterProvider({ resource, readers: [reader] });
}
