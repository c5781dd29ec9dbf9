'use client';

import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Percentiles } from '@/lib/dashboard/percentiles';
import { formatDuration } from '@/components/format';
import { AXIS_TICK, SERIES_COLORS } from './chart-colors';

export interface PercentileRow extends Percentiles {
  name: string;
}

const duration = (value: unknown) => (typeof value === 'number' ? formatDuration(Math.round(value)) : '');

/** P50, P95 and P99 per row as horizontal bars, each labelled with its duration. */
export const PercentileChart = memo(function PercentileChart({ rows }: { rows: PercentileRow[] }) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, rows.length * 72 + 48)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 56, bottom: 0, left: 8 }}>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis type="number" tick={AXIS_TICK} tickFormatter={duration} />
        <YAxis type="category" dataKey="name" width={120} tick={AXIS_TICK} />
        <Tooltip formatter={duration} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {(['p50', 'p95', 'p99'] as const).map((key) => (
          <Bar key={key} dataKey={key} name={key.toUpperCase()} fill={SERIES_COLORS[key]} isAnimationActive={false}>
            <LabelList dataKey={key} position="right" formatter={duration} style={{ fontSize: 11 }} />
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
});
