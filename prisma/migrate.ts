// `npm run db:migrate` applies pending migrations; `npm run db:migration:new -- <name>` writes a
// new one from the changes in schema.prisma. Both use DATABASE_URL, or the embedded Postgres.
import { createMigration, deployMigrations } from '../lib/db/migrate';
import { withDatabaseForTools } from '../launcher/infrastructure';

const [command, name] = process.argv.slice(2);

async function main() {
  if (command === 'deploy') {
    const applied = await withDatabaseForTools(deployMigrations);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
  } else if (command === 'new' && name && /^[a-z0-9_]+$/.test(name)) {
    const folder = await withDatabaseForTools((url) => createMigration(url, name));
    console.log(folder ? `Wrote ${folder}` : 'schema.prisma has no changes: no migration written.');
  } else {
    console.error('usage: migrate.ts deploy | migrate.ts new <snake_case_name>');
    process.exitCode = 2;
  }
}

await main();
