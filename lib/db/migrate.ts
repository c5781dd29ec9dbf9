import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { migrationsDir, readMigrationList, schemaPath, withSchemaEngine } from './schema-engine';

const noFilters = { externalTables: [], externalEnums: [] };

/** Applies pending migrations, like `prisma migrate deploy`; returns the names applied. */
export async function deployMigrations(databaseUrl: string): Promise<string[]> {
  const migrationsList = await readMigrationList();
  return withSchemaEngine(databaseUrl, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return appliedMigrationNames;
  });
}

/**
 * Writes a new migration with the SQL that takes the existing migrations to schema.prisma,
 * like `prisma migrate dev --create-only`. Returns its folder, or null when nothing changed.
 *
 * The wasm engine cannot open a shadow database itself, so this does what the shadow database
 * is for by hand: replay the migrations into a scratch database, then diff its introspected
 * schema against schema.prisma.
 */
export async function createMigration(databaseUrl: string, name: string): Promise<string | null> {
  allowInternalCharColumns();
  const scratchUrl = await createScratchDatabase(databaseUrl);
  try {
    await deployMigrations(scratchUrl);
    const files = [{ path: schemaPath, content: await readFile(schemaPath, 'utf8') }];
    const { stdout } = await withSchemaEngine(scratchUrl, (engine) =>
      engine.diff({
        from: { tag: 'schemaDatasource', files, configDir: path.dirname(schemaPath) },
        to: { tag: 'schemaDatamodel', files },
        script: true,
        exitCode: null,
        filters: noFilters,
      }),
    );
    if (!stdout || !/^[A-Z]/m.test(stdout)) return null;
    const folder = path.join(migrationsDir, `${migrationTimestamp(new Date())}_${name}`);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'migration.sql'), stdout);
    await writeFile(
      path.join(migrationsDir, 'migration_lock.toml'),
      '# Managed by the migration tool; keep it in version control.\nprovider = "postgresql"\n',
    );
    return folder;
  } finally {
    await dropScratchDatabase(databaseUrl, scratchUrl);
  }
}

function migrationTimestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(0, 14);
}

async function withAdminClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createScratchDatabase(databaseUrl: string): Promise<string> {
  const name = `migration_scratch_${Date.now().toString(36)}`;
  await withAdminClient(databaseUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropScratchDatabase(databaseUrl: string, scratchUrl: string) {
  const name = new URL(scratchUrl).pathname.slice(1);
  await withAdminClient(databaseUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

let charColumnsAllowed = false;

// Introspection reads catalog columns of Postgres's internal one-byte "char" type (OID 18),
// which the pg driver adapter does not map and rejects. On the wire it is plain text, so
// report it as text. Only the migration-authoring tool introspects; deploys never need this.
function allowInternalCharColumns() {
  if (charColumnsAllowed) return;
  charColumnsAllowed = true;
  const resultPrototype = (pg as unknown as { Result: { prototype: { addFields(fields: pg.FieldDef[]): void } } })
    .Result.prototype;
  const addFields = resultPrototype.addFields;
  resultPrototype.addFields = function (fields) {
    for (const field of fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return addFields.call(this, fields);
  };
}
