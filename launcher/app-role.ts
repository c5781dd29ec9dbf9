import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { LaunchError } from './errors';
import { localSecret } from './local-secret';

// The web app, the worker and the collab server connect as their own database role, which owns
// no table and so is held to row-level security; the tables' owner (DATABASE_URL) keeps running
// migrations, tests and admin tools.

/** The role the launcher provisions when APP_DATABASE_URL does not name one. */
const APP_ROLE = 'flow_app';

/** `databaseUrl` with the app role's credentials; its password is generated once into the data folder. */
export async function localAppDatabaseUrl(dataDir: string, databaseUrl: string): Promise<string> {
  const password = await localSecret(
    dataDir,
    'database/app-role-password',
    () => randomBytes(24).toString('base64url'),
    'APP_DATABASE_URL',
  );
  const url = new URL(databaseUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}

/**
 * Readies the role `appUrl` names, through the owner's connection: creates it, or sets its
 * password if it cannot log in with the one in the URL; grants it reads and writes on every
 * table (again after each deploy, which is how tables of later migrations are covered); and
 * refuses a role that could bypass row-level security.
 */
export async function provisionAppRole(ownerUrl: string, appUrl: string): Promise<void> {
  const url = new URL(appUrl);
  const role = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    const name = owner.escapeIdentifier(role);
    const exists = (await owner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount === 1;
    if (!exists) {
      await owner.query(`CREATE ROLE ${name} LOGIN PASSWORD ${owner.escapeLiteral(password)} NOSUPERUSER NOBYPASSRLS`);
    } else if (!(await canLogIn(appUrl))) {
      await owner.query(`ALTER ROLE ${name} LOGIN PASSWORD ${owner.escapeLiteral(password)}`);
    }
    // No TRUNCATE: it ignores row-level security. Migration history is the owner's business.
    await owner.query(`GRANT USAGE ON SCHEMA public TO ${name}`);
    await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${name}`);
    await owner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${name}`);
    await owner.query(`REVOKE ALL ON "_prisma_migrations" FROM ${name}`);
    await assertHeldToRowSecurity(owner, role);
  } catch (error) {
    if (error instanceof LaunchError) throw error;
    throw new LaunchError(
      `Could not prepare the app's database role "${role}": ${(error as Error).message}\n` +
        '  DATABASE_URL needs CREATEROLE to create it; or create the role yourself and set APP_DATABASE_URL',
    );
  } finally {
    await owner.end();
  }
}

async function canLogIn(appUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: appUrl });
  try {
    await client.connect();
    return true;
  } catch (error) {
    // invalid_password, or invalid_authorization_specification (e.g. NOLOGIN)
    if (['28P01', '28000'].includes((error as { code?: string }).code ?? '')) return false;
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Superusers, BYPASSRLS roles and the owner of a table (or whoever has its rights) skip its policies. */
async function assertHeldToRowSecurity(owner: pg.Client, role: string) {
  const { rows } = await owner.query<{ rolsuper: boolean; rolbypassrls: boolean; owned: string[] }>(
    `SELECT r.rolsuper, r.rolbypassrls,
            array(SELECT c.relname::text FROM pg_class c
                  WHERE c.relrowsecurity AND pg_has_role(r.oid, c.relowner, 'USAGE') ORDER BY 1) AS owned
     FROM pg_roles r WHERE r.rolname = $1`,
    [role],
  );
  const [found] = rows;
  const reasons = [
    found.rolsuper && 'is a superuser',
    found.rolbypassrls && 'has BYPASSRLS',
    found.owned.length > 0 && `owns (or has the rights of the owner of) ${found.owned.join(', ')}`,
  ].filter(Boolean);
  if (reasons.length > 0) {
    throw new LaunchError(
      `The app's database role "${role}" ${reasons.join(' and ')}, so row-level security would not ` +
        'apply to it: give APP_DATABASE_URL a role of its own that owns no table',
    );
  }
}
