import { afterEach, describe, expect, inject, it } from 'vitest';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/db/generated/client';
import { fromPrismaError } from '@/lib/api/prisma-errors';

// What Prisma 7 with @prisma/adapter-pg throws when its pool has no connection to give, seen on
// a real Postgres with a pool of one, and what the API answers for it. The app's pool sets no
// connection timeout, so a plain query waits its turn; an interactive transaction (a run's
// start) gives up after its maxWait, and that is what becomes 503.

const clients: PrismaClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.$disconnect()));
});

function clientWithPoolOfOne() {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: inject('platform').appDatabaseUrl, max: 1 }),
  });
  clients.push(client);
  return client;
}

/** Holds the pool's one connection in a transaction until `release` is called. */
async function holdTheConnection(client: PrismaClient) {
  let release = () => {};
  let holding!: () => void;
  const held = new Promise<void>((resolve) => (holding = resolve));
  const done = client.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT 1`;
      holding();
      await new Promise<void>((resolve) => (release = resolve));
    },
    { timeout: 60_000 },
  );
  await held;
  return async () => {
    release();
    await done;
  };
}

describe('a database pool with no free connection', () => {
  it('fails an interactive transaction after its maxWait with P2028, which the API answers 503 overloaded', async () => {
    const client = clientWithPoolOfOne();
    const release = await holdTheConnection(client);

    const error = await client.$transaction(async () => undefined, { maxWait: 50 }).catch((caught: unknown) => caught);
    await release();

    expect(error).toMatchObject({ code: 'P2028', message: expect.stringContaining('Unable to start a transaction') });
    expect(fromPrismaError(error)).toMatchObject({
      status: 503,
      code: 'overloaded',
      headers: { 'Retry-After': '1' },
    });
  });
});
