// `npm run db:migrate` applies pending migrations (and readies the app's role when
// APP_DATABASE_URL names one, as in docker-compose.yml); `npm run db:migration:new -- <name>`
// writes a new one from the changes in schema.prisma. Both use DATABASE_URL, or the embedded Postgres.
import { createMigration, deployMigrations } from '../lib/db/migrate';
import { withDatabaseForTools } from '../launcher/infrastructure';
import { provisionAppRole } from '../launcher/app-role';
import { readLauncherSettings } from '../launcher/settings';

const [command, name] = process.argv.slice(2);

async function main() {
  if (command === 'deploy') {
    const appDatabaseUrl = readLauncherSettings().APP_DATABASE_URL;
    const applied = await withDatabaseForTools(async (databaseUrl) => {
      const names = await deployMigrations(databaseUrl);
      if (appDatabaseUrl) await provisionAppRole(databaseUrl, appDatabaseUrl);
      return names;
    });
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
