import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import { splitSqlStatements } from './split-sql';

// Prisma's CLI needs a native schema-engine binary that it downloads on first use, which is
// impossible offline. The official WebAssembly build of the same engine (pinned to the CLI's
// engine hash in package.json) runs the same migration code through the pg driver adapter,
// and records `_prisma_migrations` exactly as `prisma migrate deploy` does.

const require = createRequire(import.meta.url);

export const projectRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const schemaPath = path.join(projectRoot, 'prisma/schema.prisma');
export const migrationsDir = path.join(projectRoot, 'prisma/migrations');

type SchemaEngineModule = typeof import('@prisma/schema-engine-wasm');

let enginePromise: Promise<SchemaEngineModule> | undefined;

// The package's entry imports the .wasm file directly, which Node cannot do without a flag;
// instantiate it by hand and hand the exports to the generated bindings.
function loadEngineModule(): Promise<SchemaEngineModule> {
  enginePromise ??= (async () => {
    const bindings = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as SchemaEngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return enginePromise;
}

/**
 * The adapter gets discrete connection fields, not a connection string: its shadow database
 * is opened as `{ ...config, database }`, and a connection string would override that
 * database name and point the shadow at the real database.
 */
function adapterFor(databaseUrl: string) {
  const url = new URL(databaseUrl);
  return new PrismaPg({
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1),
    ssl: url.searchParams.get('sslmode') === 'require' ? { rejectUnauthorized: false } : undefined,
  });
}

/** Runs a script's statements one by one, a function body in dollar quotes as one statement. */
function runningWholeStatements(adapter: SqlDriverAdapter): SqlDriverAdapter {
  adapter.executeScript = async (script) => {
    for (const sql of splitSqlStatements(script)) await adapter.executeRaw({ sql, args: [], argTypes: [] });
  };
  return adapter;
}

function splittingStatements(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => runningWholeStatements(await factory.connect()),
    connectToShadowDb: async () => runningWholeStatements(await factory.connectToShadowDb()),
  };
}

export async function withSchemaEngine<T>(databaseUrl: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const schema = await readFile(schemaPath, 'utf8');
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(splittingStatements(adapterFor(databaseUrl))),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
  }
}

export async function readMigrationList(): Promise<MigrationList> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const directories = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockPath, content: await readFile(lockPath, 'utf8').catch(() => null) },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      directories.map(async (name) => {
        // Paths are relative to baseDir: the engine records them as the migration names.
        const file = path.join(name, 'migration.sql');
        const content = await readFile(path.join(migrationsDir, file), 'utf8')
          .then((value) => ({ tag: 'ok' as const, value }))
          .catch((error: Error) => ({ tag: 'error' as const, value: error.message }));
        return { path: name, migrationFile: { path: file, content } };
      }),
    ),
  };
}
