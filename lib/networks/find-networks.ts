import "server-only";
import { assertCan, can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enrollmentScope, networkScope, networkWriteScope, personScope } from "@/lib/registry/scope";

export async function findNetworks(options: { actor: Actor; status?: "active" | "deactivated" }) {
  assertCan(options.actor, "read:personal-data");
  return db.network.findMany({
    where: {
      AND: [networkScope(options.actor), options.status === "deactivated" ? { deactivatedAt: { not: null } } : { deactivatedAt: null }],
    },
    select: {
      id: true,
      name: true,
      states: true,
      deactivatedAt: true,
      convener: { select: { id: true, name: true, shortName: true } },
      _count: { select: { members: true } },
    },
    orderBy: { name: "asc" },
  });
}

/** A network with its member organizations, and its participants per generation. */
export async function getNetwork(options: { actor: Actor; networkId: string }) {
  assertCan(options.actor, "read:personal-data");
  const network = await db.network.findFirst({
    where: { AND: [{ id: options.networkId }, networkScope(options.actor)] },
    select: {
      id: true,
      updatedAt: true,
      name: true,
      shortName: true,
      states: true,
      deactivatedAt: true,
      convener: { select: { id: true, name: true, shortName: true } },
      members: {
        where: { organization: { deactivatedAt: null } },
        select: { organization: { select: { id: true, name: true, state: true, municipality: true } } },
        orderBy: { organization: { name: "asc" } },
      },
      generations: {
        select: { generation: { select: { id: true, name: true, status: true } } },
        orderBy: { generation: { number: "asc" } },
      },
    },
  });
  if (!network) throw new AppError("NOT_FOUND");
  const enrollments = await db.enrollment.findMany({
    where: {
      AND: [
        { networkId: network.id, person: { deactivatedAt: null } },
        enrollmentScope(options.actor),
        { person: personScope(options.actor) },
      ],
    },
    select: {
      generationId: true,
      status: true,
      person: { select: { id: true, givenNames: true, firstSurname: true, secondSurname: true } },
      organization: { select: { id: true, name: true } },
    },
    orderBy: [{ person: { firstSurname: "asc" } }, { person: { givenNames: "asc" } }],
  });
  // Reading is federation-wide; changing it is for the programs it takes part in (networkWriteScope).
  const canChange =
    can(options.actor, "manage:registry") &&
    (await db.network.count({ where: { AND: [{ id: network.id }, networkWriteScope(options.actor)] } })) > 0;
  return {
    ...network,
    canChange,
    members: network.members.map((member) => member.organization),
    generations: network.generations.map(({ generation }) => ({
      ...generation,
      participants: enrollments.filter((enrollment) => enrollment.generationId === generation.id),
    })),
  };
}

export async function findNetworkChoices(options: { actor: Actor }) {
  assertCan(options.actor, "read:personal-data");
  return db.network.findMany({
    where: { AND: [networkScope(options.actor), { deactivatedAt: null }] },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
