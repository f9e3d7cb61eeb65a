import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export async function getUser(options: { actor: Actor; userId: string }) {
  assertCan(options.actor, "manage:users");
  const user = await db.user.findUnique({
    where: { id: options.userId },
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      deactivatedAt: true,
      createdAt: true,
      passwordChangedAt: true,
      passwordHash: true,
      grants: {
        select: {
          id: true,
          role: true,
          createdAt: true,
          program: { select: { id: true, name: true } },
          network: { select: { id: true, name: true } },
        },
        orderBy: { createdAt: "asc" },
      },
      invitations: {
        where: { usedAt: null, expiresAt: { gt: new Date() } },
        select: { expiresAt: true },
        orderBy: { createdAt: "desc" },
        take: 1,
      },
    },
  });
  if (!user) throw new AppError("NOT_FOUND");
  const { passwordHash, invitations, ...rest } = user;
  // Only whether a password exists leaves the data layer, never the hash.
  return { ...rest, hasPassword: passwordHash !== null, pendingInvitationExpiresAt: invitations[0]?.expiresAt ?? null };
}
