import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enrollmentScope, personScope } from "@/lib/registry/scope";
import { sessionReadScope } from "@/lib/sessions/scope";
import { personFieldsSelect } from "./person-select";

/** A person in the actor's scope, with their organizations and generations; NOT_FOUND otherwise. */
export async function getPerson(options: { actor: Actor; personId: string }) {
  assertCan(options.actor, "read:personal-data");
  const person = await db.person.findFirst({
    where: { AND: [{ id: options.personId }, personScope(options.actor)] },
    select: {
      ...personFieldsSelect,
      deactivatedAt: true,
      createdAt: true,
      updatedAt: true,
      affiliations: {
        select: { id: true, title: true, since: true, until: true, organization: { select: { id: true, name: true } } },
        orderBy: { createdAt: "asc" },
      },
      enrollments: {
        where: enrollmentScope(options.actor),
        select: {
          id: true,
          status: true,
          source: true,
          registeredAt: true,
          generation: { select: { id: true, name: true, program: { select: { name: true } } } },
          network: { select: { id: true, name: true } },
          organization: { select: { id: true, name: true } },
          registeredBy: { select: { name: true } },
        },
        orderBy: { registeredAt: "desc" },
      },
      attendance: {
        where: { session: sessionReadScope(options.actor) },
        select: {
          status: true,
          minutes: true,
          session: { select: { id: true, startsAt: true, timeZone: true, status: true, workshop: { select: { title: true } } } },
        },
        orderBy: { session: { startsAt: "desc" } },
        take: 100,
      },
    },
  });
  if (!person) throw new AppError("NOT_FOUND");
  return person;
}
