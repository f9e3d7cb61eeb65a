import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

/** Demo data only: never run outside `npm run demo` and the end-to-end tests. */
export const DEMO_PASSWORD = "tejido-demo-2020";

export const DEMO_PROGRAM = { id: "demo-program-fortalecimiento", name: "Proyecto de Fortalecimiento de Redes" };

export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: "admin@example.org", name: "Ana Administradora", role: "ADMIN" },
  { email: "coordinacion@example.org", name: "Carmen Coordinadora", role: "COORDINATOR" },
  { email: "facilitacion@example.org", name: "Fernando Facilitador", role: "FACILITATOR" },
  { email: "fondos@example.org", name: "Fabiola Fondos", role: "FUNDER" },
];

/**
 * Idempotent: creates what is missing and leaves what exists (a second run
 * keeps any changes made through the app).
 */
export async function seedDemo() {
  await db.program.upsert({ where: { id: DEMO_PROGRAM.id }, create: DEMO_PROGRAM, update: {} });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const user = await db.user.upsert({
      where: { email: account.email },
      create: { email: account.email, name: account.name, passwordHash, passwordChangedAt: new Date() },
      update: {},
      select: { id: true },
    });
    const programId = account.role === "ADMIN" ? null : DEMO_PROGRAM.id;
    const existing = await db.grant.findFirst({ where: { userId: user.id, role: account.role, programId, networkId: null } });
    if (!existing) await db.grant.create({ data: { userId: user.id, role: account.role, programId } });
  }
}
