import { DataPointType } from '@opentelemetry/sdk-metrics';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { toScopeMetrics, type PromMetric } from './otlp-conversion';

const times = { start: [1, 0] as [number, number], end: [2, 0] as [number, number] };

describe('toScopeMetrics', () => {
  it('turns counters into monotonic sums, gauges into gauges and histograms into per-bucket counts', async () => {
    const registry = new Registry();
    const registers = [registry];
    new Counter({ name: 'runs_total', help: 'Runs', labelNames: ['status'], registers }).inc({ status: 'OK' }, 3);
    new Gauge({ name: 'waiting', help: 'Waiting', registers }).set(2);
    const durations = new Histogram({ name: 'took', help: 'Took', labelNames: ['kind'], buckets: [1, 5], registers });
    for (const seconds of [0.5, 2, 3, 9]) durations.observe({ kind: 'http' }, seconds);
    const { metrics } = toScopeMetrics((await registry.getMetricsAsJSON()) as unknown as PromMetric[], times);

    expect(metrics.map((metric) => [metric.descriptor.name, metric.dataPointType])).toEqual([
      ['runs_total', DataPointType.SUM],
      ['waiting', DataPointType.GAUGE],
      ['took', DataPointType.HISTOGRAM],
    ]);
    expect(metrics[0]).toMatchObject({ isMonotonic: true, dataPoints: [{ attributes: { status: 'OK' }, value: 3 }] });
    expect(metrics[1].dataPoints).toEqual([{ attributes: {}, startTime: [1, 0], endTime: [2, 0], value: 2 }]);
    expect(metrics[2].dataPoints).toEqual([
      {
        attributes: { kind: 'http' },
        startTime: [1, 0],
        endTime: [2, 0],
        value: { buckets: { boundaries: [1, 5], counts: [1, 2, 1] }, sum: 14.5, count: 4 },
      },
    ]);
  });
});
