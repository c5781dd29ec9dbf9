import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/client';
import { serverEnv } from '../config/server-env';

// One client per process; Next's dev server re-evaluates modules on change, so the instance
// lives on globalThis to avoid opening a new pool on every reload. Prisma runs on a pool of our
// own, which lib/db/tenant.ts also uses for statements sent in one round trip.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; pgPool?: pg.Pool };

/** The pg pool Prisma's queries run on. */
export function dbPool(): pg.Pool {
  const pool = globalForPrisma.pgPool;
  // A disconnected client has ended its pool; Prisma opens a fresh one on its next query, so do we.
  if (!pool || pool.ending) globalForPrisma.pgPool = new pg.Pool({ connectionString: serverEnv().DATABASE_URL });
  return globalForPrisma.pgPool!;
}

export function db(): PrismaClient {
  globalForPrisma.prisma ??= new PrismaClient({
    // Disconnecting the client ends the pool, as it does with a pool Prisma makes itself.
    adapter: new PrismaPg(dbPool(), { disposeExternalPool: true }),
  });
  return globalForPrisma.prisma;
}
