/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native parts or dynamic requires stay out of the bundle.
  serverExternalPackages: [
    '@temporalio/client',
    '@temporalio/worker',
    'pg',
    '@prisma/adapter-pg',
    'ioredis',
    'quickjs-emscripten',
    '@temporalio/interceptors-opentelemetry',
    '@opentelemetry/sdk-trace-node',
    '@opentelemetry/exporter-trace-otlp-http',
    '@opentelemetry/exporter-metrics-otlp-http',
    '@opentelemetry/sdk-metrics',
    'prom-client',
  ],
  poweredByHeader: false,
  // The dev-tools badge would cover the sidebar footer.
  devIndicators: { position: 'bottom-right' },
  typedRoutes: true,
};

export default nextConfig;
