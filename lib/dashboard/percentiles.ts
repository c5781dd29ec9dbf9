/** P50, P95 and P99 in milliseconds, as Postgres's continuous percentile interpolates them. */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export const toPercentiles = ([p50, p95, p99]: number[]): Percentiles => ({ p50, p95, p99 });
