import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';
import { serverEnv } from '../config/server-env';

// One client per process; Next's dev server re-evaluates modules on change, so the instance
// lives on globalThis to avoid opening a new pool on every reload.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.prisma ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: serverEnv().DATABASE_URL }),
  });
  return globalForPrisma.prisma;
}
