import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: { alias: { '@': root } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            '{app,components,lib,launcher,temporal,collab-server,prisma}/**/*.test.{ts,tsx}',
            // Replaying recorded histories needs only the workflow bundle, not the platform.
            'tests/replay/replay.test.ts',
            // The tests' own helpers, checked without the platform.
            'tests/support/**/*.test.ts',
            // Rules about the code itself (import boundaries), checked by reading it.
            'tests/architecture/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/replay/replay.test.ts', 'tests/support/**/*.test.ts', 'tests/architecture/**/*.test.ts'],
          // The real platform (Postgres, Redis, Temporal, web, worker, collab) comes up once per run.
          globalSetup: ['tests/setup/platform.ts'],
          setupFiles: ['tests/setup/server-env.ts'],
          // Files share one platform and one default org; run them one after another.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
