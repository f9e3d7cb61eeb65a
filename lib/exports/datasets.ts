import "server-only";
import { assertCan, type Actor, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db";
import { organizationFieldsSelect } from "@/lib/organizations/get-organization";
import { fullName, personFieldsSelect } from "@/lib/people/person-select";
import { enrollmentScope, generationScope, networkScope, organizationScope, personScope } from "@/lib/registry/scope";
import { sessionReadScope } from "@/lib/sessions/scope";

const BATCH = 1000;

export type ExportFilters = { generationId?: string; networkId?: string };
export type Column = { key: string; label: string };
/** `total` counts the rows up front, so a download can show its progress. */
export type Dataset = { columns: Column[]; rows: AsyncIterable<Record<string, unknown>>; total: () => Promise<number> };
type Labels = (key: string) => string;

/** Reads in keyset-paginated batches, so a 50,000-row export never sits in memory whole. */
async function* batches<T extends { id: string }>(fetch: (cursor: string | undefined) => Promise<T[]>) {
  let cursor: string | undefined;
  for (;;) {
    const rows = await fetch(cursor);
    yield* rows;
    if (rows.length < BATCH) return;
    cursor = rows.at(-1)!.id;
  }
}
/**
 * A generation or network named in the filters must be one the actor may read, or the export is not found:
 * an empty file would tell another program's coordinator nothing, but a 404 says so plainly and is the same
 * answer as the pages give.
 */
async function assertFiltersInScope(actor: Actor, filters: ExportFilters, permission: Permission) {
  const [generation, network] = await Promise.all([
    filters.generationId
      ? db.generation.findFirst({
          where: { AND: [{ id: filters.generationId }, generationScope(actor, permission)] },
          select: { id: true },
        })
      : true,
    filters.networkId
      ? db.network.findFirst({ where: { AND: [{ id: filters.networkId }, networkScope(actor, permission)] }, select: { id: true } })
      : true,
  ]);
  if (!generation || !network) throw new AppError("NOT_FOUND");
}

const page = (cursor: string | undefined) => ({
  take: BATCH,
  orderBy: { id: "asc" as const },
  ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
});

/** People in the actor's scope (filtered like the people list). Personal data: coordinators, admins, liaisons. */
export async function peopleDataset(actor: Actor, filters: ExportFilters, t: Labels): Promise<Dataset> {
  assertCan(actor, "read:personal-data");
  await assertFiltersInScope(actor, filters, "read:personal-data");
  const where = {
    AND: [
      personScope(actor),
      { deactivatedAt: null },
      filters.generationId || filters.networkId
        ? {
            enrollments: {
              some: {
                ...(filters.generationId ? { generationId: filters.generationId } : {}),
                ...(filters.networkId ? { networkId: filters.networkId } : {}),
              },
            },
          }
        : {},
    ],
  };
  const columns = ["givenNames", "firstSurname", "secondSurname", "email", "phone", "gender", "ageRange", "state", "organizations"].map(
    (key) => ({ key, label: t(`exports.columns.${key}`) }),
  );
  const rows = (async function* () {
    for await (const person of batches((cursor) =>
      db.person.findMany({
        where,
        select: {
          ...personFieldsSelect,
          affiliations: { select: { organization: { select: { name: true } } } },
        },
        ...page(cursor),
      }),
    )) {
      yield {
        ...person,
        gender: person.gender ? t(`genders.${person.gender}`) : "",
        ageRange: person.ageRange ? t(`ageRanges.${person.ageRange}`) : "",
        state: person.state ? t(`states.${person.state}`) : "",
        organizations: person.affiliations.map((a) => a.organization.name).join("; "),
      };
    }
  })();
  return { columns, rows, total: () => db.person.count({ where }) };
}

export async function organizationsDataset(actor: Actor, filters: ExportFilters, t: Labels): Promise<Dataset> {
  assertCan(actor, "read:personal-data");
  await assertFiltersInScope(actor, filters, "read:personal-data");
  const where = {
    AND: [
      organizationScope(actor),
      { deactivatedAt: null },
      filters.networkId ? { memberships: { some: { networkId: filters.networkId } } } : {},
    ],
  };
  const columns = ["name", "shortName", "type", "state", "municipality", "website", "rfc", "networks"].map((key) => ({
    key,
    label: t(`exports.columns.${key}`),
  }));
  const rows = (async function* () {
    for await (const organization of batches((cursor) =>
      db.organization.findMany({
        where,
        select: {
          ...organizationFieldsSelect,
          memberships: { select: { network: { select: { name: true } } } },
        },
        ...page(cursor),
      }),
    )) {
      yield {
        ...organization,
        type: t(`organizationTypes.${organization.type}`),
        state: t(`states.${organization.state}`),
        networks: organization.memberships.map((m) => m.network.name).join("; "),
      };
    }
  })();
  return { columns, rows, total: () => db.organization.count({ where }) };
}

export async function enrollmentsDataset(actor: Actor, filters: ExportFilters, t: Labels): Promise<Dataset> {
  assertCan(actor, "read:personal-data");
  await assertFiltersInScope(actor, filters, "read:personal-data");
  const where = {
    AND: [
      enrollmentScope(actor),
      { person: personScope(actor) },
      filters.generationId ? { generationId: filters.generationId } : {},
      filters.networkId ? { networkId: filters.networkId } : {},
    ],
  };
  const columns = [
    "generation",
    "network",
    "organization",
    "givenNames",
    "firstSurname",
    "secondSurname",
    "email",
    "phone",
    "status",
    "source",
    "registeredAt",
  ].map((key) => ({
    key,
    label: t(`exports.columns.${key}`),
  }));
  const rows = (async function* () {
    for await (const enrollment of batches((cursor) =>
      db.enrollment.findMany({
        where,
        select: {
          id: true,
          status: true,
          source: true,
          registeredAt: true,
          generation: { select: { name: true } },
          network: { select: { name: true } },
          organization: { select: { name: true } },
          person: { select: { givenNames: true, firstSurname: true, secondSurname: true, email: true, phone: true } },
        },
        ...page(cursor),
      }),
    )) {
      yield {
        generation: enrollment.generation.name,
        network: enrollment.network.name,
        organization: enrollment.organization.name,
        ...enrollment.person,
        status: t(`enrollmentStatuses.${enrollment.status}`),
        source: t(`enrollmentSources.${enrollment.source}`),
        registeredAt: enrollment.registeredAt.toISOString().slice(0, 10),
      };
    }
  })();
  return { columns, rows, total: () => db.enrollment.count({ where }) };
}

/** People × sessions of a generation, one status per cell (held and planned sessions, cancelled ones left out). */
export async function attendanceMatrixDataset(
  actor: Actor,
  filters: ExportFilters & { generationId: string },
  t: Labels,
): Promise<Dataset> {
  assertCan(actor, "read:attendance");
  await assertFiltersInScope(actor, filters, "read:attendance");
  const sessions = await db.session.findMany({
    where: { AND: [{ workshop: { generationId: filters.generationId }, status: { not: "CANCELLED" } }, sessionReadScope(actor)] },
    select: { id: true, startsAt: true, workshop: { select: { title: true } } },
    orderBy: { startsAt: "asc" },
  });
  const columns = [
    { key: "name", label: t("exports.columns.name") },
    { key: "organization", label: t("exports.columns.organization") },
    { key: "network", label: t("exports.columns.network") },
    ...sessions.map((session) => ({ key: session.id, label: `${session.startsAt.toISOString().slice(0, 10)} ${session.workshop.title}` })),
  ];
  const sessionIds = sessions.map((s) => s.id);
  const where = {
    AND: [
      enrollmentScope(actor, "read:attendance"),
      { generationId: filters.generationId, status: { not: "WITHDRAWN" as const } },
      filters.networkId ? { networkId: filters.networkId } : {},
    ],
  };
  const rows = (async function* () {
    for await (const enrollment of batches((cursor) =>
      db.enrollment.findMany({
        where,
        select: {
          id: true,
          organization: { select: { name: true } },
          network: { select: { name: true } },
          person: {
            select: {
              givenNames: true,
              firstSurname: true,
              secondSurname: true,
              attendance: { where: { sessionId: { in: sessionIds } }, select: { sessionId: true, status: true } },
            },
          },
        },
        ...page(cursor),
      }),
    )) {
      const marks = Object.fromEntries(
        enrollment.person.attendance.map((mark) => [mark.sessionId, t(`attendance.statuses.${mark.status}`)]),
      );
      yield { name: fullName(enrollment.person), organization: enrollment.organization.name, network: enrollment.network.name, ...marks };
    }
  })();
  return { columns, rows, total: () => db.enrollment.count({ where }) };
}
