import "server-only";
import type { Prisma } from "@/lib/db";

type Client = Pick<Prisma.TransactionClient, "session" | "enrollment">;

/** The networks a session is for: all networks of its generation, or the ones chosen. */
export async function audienceNetworkIds(
  client: Client,
  sessionId: string,
): Promise<{ generationId: string; networkIds: string[] } | null> {
  const session = await client.session.findUnique({
    where: { id: sessionId },
    select: {
      allNetworks: true,
      networks: { select: { networkId: true } },
      workshop: { select: { generationId: true, generation: { select: { networks: { select: { networkId: true } } } } } },
    },
  });
  if (!session) return null;
  const networkIds = session.allNetworks
    ? session.workshop.generation.networks.map((n) => n.networkId)
    : session.networks.map((n) => n.networkId);
  return { generationId: session.workshop.generationId, networkIds };
}

/**
 * Who is expected at a session: people enrolled (not withdrawn, active) in its
 * generation through one of its networks. One row per person, even when they
 * take part through two of those networks. `onlyNetworkIds` narrows it (liaisons).
 */
export async function rosterEnrollments(client: Client, sessionId: string, onlyNetworkIds?: string[]) {
  const audience = await audienceNetworkIds(client, sessionId);
  if (!audience) return [];
  const networkIds = onlyNetworkIds ? audience.networkIds.filter((id) => onlyNetworkIds.includes(id)) : audience.networkIds;
  const enrollments = await client.enrollment.findMany({
    where: rosterWhere(audience.generationId, networkIds),
    select: {
      personId: true,
      person: { select: { givenNames: true, firstSurname: true, secondSurname: true, email: true, emailKey: true, nameWords: true } },
      organization: { select: { name: true } },
      network: { select: { id: true, name: true } },
    },
    orderBy: [{ person: { firstSurname: "asc" } }, { person: { givenNames: "asc" } }, { registeredAt: "asc" }],
  });
  const seen = new Set<string>();
  return enrollments.filter((enrollment) => (seen.has(enrollment.personId) ? false : (seen.add(enrollment.personId), true)));
}

/** Whether one person is on a session's roster, without reading the roster (a national session has hundreds). */
export async function isOnRoster(client: Client, sessionId: string, personId: string) {
  const audience = await audienceNetworkIds(client, sessionId);
  if (!audience) return false;
  const found = await client.enrollment.findFirst({
    where: { ...rosterWhere(audience.generationId, audience.networkIds), personId },
    select: { id: true },
  });
  return found !== null;
}

function rosterWhere(generationId: string, networkIds: string[]) {
  return { generationId, networkId: { in: networkIds }, status: { not: "WITHDRAWN" as const }, person: { deactivatedAt: null } };
}
