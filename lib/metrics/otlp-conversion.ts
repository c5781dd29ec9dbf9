import { ValueType, type HrTime } from '@opentelemetry/api';
import {
  AggregationTemporality,
  DataPointType,
  InstrumentType,
  type MetricData,
  type ScopeMetrics,
} from '@opentelemetry/sdk-metrics';
type Labels = Record<string, string | number>;

/** What prom-client's `getMetricsAsJSON()` returns at run time (its own types call `type` an enum). */
export interface PromMetric {
  name: string;
  help: string;
  type: string;
  values: { value: number; labels: Labels; metricName?: string }[];
}

const descriptor = (metric: PromMetric, type: InstrumentType) => ({
  name: metric.name,
  description: metric.help,
  unit: '',
  type,
  valueType: ValueType.DOUBLE,
});

const labelKey = (labels: Labels) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));

/**
 * A Prometheus histogram's samples (cumulative `_bucket` counts by `le`, `_sum`, `_count`) as
 * OTLP data points: counts per bucket, the boundaries without +Inf.
 */
function histogramPoints(metric: PromMetric, times: { start: HrTime; end: HrTime }) {
  const series = new Map<string, { attributes: Labels; buckets: [number, number][]; sum: number; count: number }>();
  for (const { value, labels, metricName } of metric.values) {
    const { le, ...attributes } = labels;
    const key = labelKey(attributes);
    const entry = series.get(key) ?? { attributes, buckets: [], sum: 0, count: 0 };
    series.set(key, entry);
    if (metricName === `${metric.name}_bucket`) entry.buckets.push([le === '+Inf' ? Infinity : Number(le), value]);
    else if (metricName === `${metric.name}_sum`) entry.sum = value;
    else if (metricName === `${metric.name}_count`) entry.count = value;
  }
  return [...series.values()].map(({ attributes, buckets, sum, count }) => {
    const sorted = buckets.sort(([a], [b]) => a - b);
    const counts = sorted.map(([, cumulative], index) => cumulative - (index > 0 ? sorted[index - 1][1] : 0));
    return {
      attributes,
      startTime: times.start,
      endTime: times.end,
      value: {
        buckets: { boundaries: sorted.filter(([le]) => le !== Infinity).map(([le]) => le), counts },
        sum,
        count,
      },
    };
  });
}

/**
 * The platform's Prometheus figures as OTLP metrics, so an OpenTelemetry collector receives the
 * same numbers GET /api/metrics serves: counters as cumulative monotonic sums, gauges as gauges,
 * histograms with their explicit buckets.
 */
export function toScopeMetrics(metrics: PromMetric[], times: { start: HrTime; end: HrTime }): ScopeMetrics {
  const point = ({ value, labels }: PromMetric['values'][number]) => ({
    attributes: labels,
    startTime: times.start,
    endTime: times.end,
    value,
  });
  const base = (metric: PromMetric, type: InstrumentType) => ({
    descriptor: descriptor(metric, type),
    aggregationTemporality: AggregationTemporality.CUMULATIVE,
  });
  const converted = metrics.flatMap((metric): MetricData[] => {
    switch (metric.type) {
      case 'counter':
        return [
          {
            ...base(metric, InstrumentType.COUNTER),
            dataPointType: DataPointType.SUM,
            isMonotonic: true,
            dataPoints: metric.values.map(point),
          },
        ];
      case 'gauge':
        return [
          {
            ...base(metric, InstrumentType.GAUGE),
            dataPointType: DataPointType.GAUGE,
            dataPoints: metric.values.map(point),
          },
        ];
      case 'histogram':
        return [
          {
            ...base(metric, InstrumentType.HISTOGRAM),
            dataPointType: DataPointType.HISTOGRAM,
            dataPoints: histogramPoints(metric, times),
          },
        ];
      default:
        return [];
    }
  });
  return { scope: { name: 'floworchestrator' }, metrics: converted };
}
