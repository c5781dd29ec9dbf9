// Chart series colors: the theme's primary, then hues far enough apart to tell apart in both themes.
export const SERIES_COLORS = {
  primary: 'var(--primary)',
  success: 'oklch(0.65 0.15 150)',
  failure: 'oklch(0.6 0.2 25)',
  p50: 'oklch(0.7 0.1 200)',
  p95: 'oklch(0.6 0.15 260)',
  p99: 'oklch(0.55 0.2 310)',
} as const;

export const AXIS_TICK = { fontSize: 11, fill: 'var(--muted-foreground)' };
