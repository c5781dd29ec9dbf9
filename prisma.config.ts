import { defineConfig } from 'prisma/config';

// DATABASE_URL is optional here: `prisma generate` needs no database, and the launcher
// provides the URL of the embedded Postgres when it runs migrations.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/floworchestrator' },
});
