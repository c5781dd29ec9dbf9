// Next.js calls register() once when a server instance starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ startTracing }, { startMetricsPublisher }, { startMetricsExport }] = await Promise.all([
    import('./lib/telemetry/tracing'),
    import('./lib/metrics/process-snapshots'),
    import('./lib/metrics/otlp-export'),
  ]);
  // Next.js traces each request through the registered provider; the Temporal client carries
  // that trace into the run (temporal/client.ts).
  startTracing('web');
  startMetricsPublisher('web');
  // The platform's figures go to an OpenTelemetry collector too when one is configured.
  startMetricsExport();
}
