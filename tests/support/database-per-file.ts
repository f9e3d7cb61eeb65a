import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

const TEMPLATE_DATABASE = "tejido_template";

// A fresh, migrated database for this test file, copied from the template in milliseconds.
const serverUrl = new URL(inject("databaseServerUrl"));
const databaseName = `test_${randomBytes(6).toString("hex")}`;
const admin = new pg.Client({ connectionString: serverUrl.toString() });
await admin.connect();
await admin.query(`CREATE DATABASE "${databaseName}" TEMPLATE "${TEMPLATE_DATABASE}"`);
await admin.end();

const fileUrl = new URL(serverUrl);
fileUrl.pathname = `/${databaseName}`;
process.env.DATABASE_URL = fileUrl.toString();

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
});
