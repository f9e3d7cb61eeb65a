import pg from "pg";
import { describe, expect, it } from "vitest";
import { APP_ROLE, grantAppRole } from "./app-role";

// The demo and the e2e app connect as APP_ROLE: it writes rows but cannot rewrite history or the schema.
describe("the app's database role", () => {
  it("reads and writes records, appends to the audit log, and can neither change the log nor the schema", async () => {
    const ownerUrl = process.env.DATABASE_URL!;
    const appUrl = await grantAppRole(ownerUrl);
    // Granting again (after the next migration) is harmless.
    expect(await grantAppRole(ownerUrl)).toBe(appUrl);
    const app = new pg.Client({ connectionString: appUrl });
    await app.connect();
    try {
      const role = await app.query("SELECT current_user AS name, rolsuper FROM pg_roles WHERE rolname = current_user");
      expect(role.rows[0]).toEqual({ name: APP_ROLE, rolsuper: false });

      await app.query(`INSERT INTO programs (id, name, "createdAt", "updatedAt") VALUES ('role-test', 'Programa', now(), now())`);
      await app.query(`UPDATE programs SET name = 'Programa editado' WHERE id = 'role-test'`);
      const inserted = await app.query(
        `INSERT INTO audit_events (id, action, "targetType", "targetId") VALUES ('role-test-event', 'test.role', 'test', '1') RETURNING id`,
      );
      expect(inserted.rowCount).toBe(1);

      // Refused by privilege, before the append-only trigger is even reached.
      for (const statement of [
        `UPDATE audit_events SET action = 'x' WHERE id = 'role-test-event'`,
        `DELETE FROM audit_events WHERE id = 'role-test-event'`,
        `TRUNCATE audit_events`,
        `ALTER TABLE audit_events DISABLE TRIGGER ALL`,
        `SET session_replication_role = replica`,
        `DELETE FROM _prisma_migrations`,
        `DROP TABLE programs CASCADE`,
      ])
        await expect(app.query(statement), statement).rejects.toThrow(/permission denied|must be owner/);
      const still = await app.query(`SELECT action FROM audit_events WHERE id = 'role-test-event'`);
      expect(still.rows).toEqual([{ action: "test.role" }]);
    } finally {
      await app.end();
    }
  });
});
