import type { DashboardRange } from '@/lib/dashboard/range';

const formats: Record<DashboardRange, Intl.DateTimeFormat> = {
  '1h': new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  '24h': new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  // Buckets of six hours over a week: the time of day alone would repeat on every day.
  '7d': new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', hour: '2-digit', hourCycle: 'h23' }),
  '30d': new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' }),
};

/** A chart bucket's start as the range's axis shows it. */
export const bucketLabel = (iso: string, range: DashboardRange) => formats[range].format(new Date(iso));
