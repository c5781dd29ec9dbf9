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
  ],
  poweredByHeader: false,
  typedRoutes: true,
};

export default nextConfig;
