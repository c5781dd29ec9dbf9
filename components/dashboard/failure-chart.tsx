'use client';

import { memo } from 'react';
import { Bar, BarChart, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FailureCount } from '@/lib/dashboard/step-failures';
import { AXIS_TICK, SERIES_COLORS } from './chart-colors';

/** Failed attempts per key (a node type, an error type), most first, each bar labelled with its count. */
export const FailureChart = memo(function FailureChart({ counts }: { counts: FailureCount[] }) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(100, counts.length * 36 + 24)}>
      <BarChart data={counts} layout="vertical" margin={{ top: 0, right: 32, bottom: 0, left: 8 }}>
        <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} />
        <YAxis type="category" dataKey="key" width={120} tick={AXIS_TICK} />
        <Tooltip />
        <Bar dataKey="failures" name="Failed attempts" fill={SERIES_COLORS.failure} isAnimationActive={false}>
          <LabelList dataKey="failures" position="right" style={{ fontSize: 11 }} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
});
