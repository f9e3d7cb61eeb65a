import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";

export const USERS_PAGE_SIZE = 25;

export const userListSelect = {
  id: true,
  name: true,
  email: true,
  deactivatedAt: true,
  grants: { select: { id: true, role: true, program: { select: { name: true } }, network: { select: { name: true } } } },
} satisfies Prisma.UserSelect;

export async function findUsers(options: { actor: Actor; query?: string; page?: number; status?: "active" | "deactivated" }) {
  assertCan(options.actor, "manage:users");
  const page = Math.max(1, options.page ?? 1);
  const query = options.query?.trim();
  const where: Prisma.UserWhereInput = {
    ...(query ? { OR: [{ name: { contains: query, mode: "insensitive" } }, { email: { contains: query, mode: "insensitive" } }] } : {}),
    ...(options.status === "active" ? { deactivatedAt: null } : {}),
    ...(options.status === "deactivated" ? { deactivatedAt: { not: null } } : {}),
  };
  const [users, total] = await Promise.all([
    db.user.findMany({
      where,
      select: userListSelect,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
    }),
    db.user.count({ where }),
  ]);
  return { users, total, page, pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}
