import { AggregatorRegistry, Registry, type PrometheusContentType } from 'prom-client';
import { otherProcessSnapshots } from './process-snapshots';
import { platformGauges } from './platform-gauges';
import { processMetrics } from './registry';

/** Every process's counters added up, plus the platform's live gauges: what every export serves. */
export async function platformRegistry(): Promise<Registry> {
  const [snapshots, own, gauges] = await Promise.all([
    otherProcessSnapshots(),
    processMetrics().registry.getMetricsAsJSON(),
    platformGauges(),
  ]);
  // `aggregate` sums samples with the same name and labels across processes.
  const counted = AggregatorRegistry.aggregate<PrometheusContentType>([...snapshots, own]);
  return Registry.merge([counted, gauges]);
}

/** The platform's figures as Prometheus text. */
export async function renderMetrics(): Promise<{ text: string; contentType: string }> {
  const registry = await platformRegistry();
  return { text: await registry.metrics(), contentType: registry.contentType };
}
