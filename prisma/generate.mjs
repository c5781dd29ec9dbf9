// Runs `prisma generate` offline. Generating the client needs no schema engine, but the CLI
// insists on finding one and would download it from the internet; pointing it at any existing
// executable satisfies the check. Migrations use the wasm engine instead (lib/db/migrate.ts).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const result = spawnSync(process.execPath, [require.resolve('prisma/build/index.js'), 'generate'], {
  stdio: 'inherit',
  env: {
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    ...process.env,
  },
});
process.exit(result.status ?? 1);
