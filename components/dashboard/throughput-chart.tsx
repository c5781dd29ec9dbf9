'use client';

import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ThroughputBucket } from '@/lib/dashboard/run-throughput';
import type { DashboardRange } from '@/lib/dashboard/range';
import { AXIS_TICK, SERIES_COLORS } from './chart-colors';
import { bucketLabel } from './bucket-label';

/** Runs started and completed per bucket of the range. */
export const ThroughputChart = memo(function ThroughputChart({
  buckets,
  range,
}: {
  buckets: ThroughputBucket[];
  range: DashboardRange;
}) {
  const data = buckets.map((bucket) => ({ ...bucket, label: bucketLabel(bucket.at, range) }));
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={16} />
        <YAxis allowDecimals={false} tick={AXIS_TICK} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="started" name="Started" fill={SERIES_COLORS.primary} isAnimationActive={false} />
        <Bar dataKey="completed" name="Completed" fill={SERIES_COLORS.success} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
});
