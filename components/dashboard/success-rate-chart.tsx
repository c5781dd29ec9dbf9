'use client';

import { memo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ThroughputBucket } from '@/lib/dashboard/run-throughput';
import type { DashboardRange } from '@/lib/dashboard/range';
import { AXIS_TICK, SERIES_COLORS } from './chart-colors';
import { bucketLabel } from './bucket-label';

const percent = (value: unknown) => (typeof value === 'number' ? `${value.toFixed(1)}%` : '—');

/** The share of runs that succeeded, of those that succeeded or failed, per bucket (gaps where none ended). */
export const SuccessRateChart = memo(function SuccessRateChart({
  buckets,
  range,
}: {
  buckets: ThroughputBucket[];
  range: DashboardRange;
}) {
  const data = buckets.map((bucket) => {
    const decided = bucket.succeeded + bucket.failed;
    return {
      label: bucketLabel(bucket.at, range),
      rate: decided === 0 ? null : (bucket.succeeded / decided) * 100,
    };
  });
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={16} />
        <YAxis domain={[0, 100]} unit="%" tick={AXIS_TICK} />
        <Tooltip formatter={percent} />
        <Line
          dataKey="rate"
          name="Success rate"
          stroke={SERIES_COLORS.success}
          strokeWidth={2}
          dot={{ r: 3 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
});
