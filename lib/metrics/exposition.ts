import { AggregatorRegistry, Registry, type PrometheusContentType } from 'prom-client';
import { otherProcessSnapshots } from './process-snapshots';
import { platformGauges } from './platform-gauges';
import { processMetrics } from './registry';

/** The Prometheus text of every process's counters added up, plus the platform's live gauges. */
export async function renderMetrics(): Promise<{ text: string; contentType: string }> {
  const [snapshots, own, gauges] = await Promise.all([
    otherProcessSnapshots(),
    processMetrics().registry.getMetricsAsJSON(),
    platformGauges(),
  ]);
  // `aggregate` sums samples with the same name and labels across processes.
  const counted = AggregatorRegistry.aggregate<PrometheusContentType>([...snapshots, own]);
  const merged = Registry.merge([counted, gauges]);
  return { text: await merged.metrics(), contentType: merged.contentType };
}
