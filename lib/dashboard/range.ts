import { z } from 'zod';

const HOUR_MS = 3_600_000;

/** Each range the dashboard offers: how far back it looks, and the width of one chart bucket. */
export const DASHBOARD_RANGES = {
  '1h': { label: '1 h', ms: HOUR_MS, bucket: '5 minutes' },
  '24h': { label: '24 h', ms: 24 * HOUR_MS, bucket: '1 hour' },
  '7d': { label: '7 d', ms: 7 * 24 * HOUR_MS, bucket: '6 hours' },
  '30d': { label: '30 d', ms: 30 * 24 * HOUR_MS, bucket: '1 day' },
} as const;

export type DashboardRange = keyof typeof DASHBOARD_RANGES;

export const dashboardRange = z.enum(Object.keys(DASHBOARD_RANGES) as [DashboardRange, ...DashboardRange[]], {
  error: 'range must be 1h, 24h, 7d or 30d',
});

export const dashboardQuery = z.object({ range: dashboardRange.default('24h') });

/** The instants a dashboard's figures are computed between; `until` is one `now` for every query. */
export interface TimeWindow {
  since: Date;
  until: Date;
}

export const windowEndingAt = (until: Date, ms: number): TimeWindow => ({
  since: new Date(until.getTime() - ms),
  until,
});
