import pg from "pg";

/** The role the app connects as on the embedded default: not the owner of the tables, not a superuser. */
export const APP_ROLE = "tejido_app";
const APP_ROLE_PASSWORD = "tejido-app-local";

/**
 * The privileges the app needs and no more: read and write rows, never alter the schema, never change or
 * remove the audit log (UPDATE, DELETE and TRUNCATE are withheld on audit_events; a trigger refuses them
 * too), and only read the migrations table. The README shows the same statements for a production database.
 * Idempotent: run after every `migrate deploy`, so tables a new migration adds are granted.
 */
export function appRoleGrants(database: string) {
  return [
    `GRANT CONNECT, TEMPORARY ON DATABASE "${database}" TO ${APP_ROLE}`,
    `GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${APP_ROLE}`,
    `REVOKE INSERT, UPDATE, DELETE ON _prisma_migrations FROM ${APP_ROLE}`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`,
  ];
}

/** Creates (or refreshes) the app's role on a database the caller owns, and returns the app's URL for it. */
export async function grantAppRole(ownerUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ database: string }>("SELECT current_database() AS database");
    const database = rows[0]!.database;
    const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '${APP_ROLE_PASSWORD}'`;
    await client.query(exists.rowCount ? `ALTER ROLE ${APP_ROLE} WITH ${attributes}` : `CREATE ROLE ${APP_ROLE} WITH ${attributes}`);
    for (const statement of appRoleGrants(database)) await client.query(statement);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = APP_ROLE_PASSWORD;
  return url.toString();
}
