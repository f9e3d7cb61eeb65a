import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { buildDemoDuplicates } from "./demo-duplicates";
import { buildDemoRegistry, DEMO_IDS, DEMO_NETWORKS, DEMO_PARTNERS } from "./demo-registry";
import { DEMO_WORKSHOPS_2020, demoAttendance, sessionTimes } from "./demo-sessions";

/** Demo data only: never run outside `npm run demo` and the end-to-end tests. */
export const DEMO_PASSWORD = "tejido-demo-2020";

export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; role: Role; networkId?: string }> = [
  { email: "admin@example.org", name: "Ana Administradora", role: "ADMIN" },
  { email: "coordinacion@example.org", name: "Carmen Coordinadora", role: "COORDINATOR" },
  { email: "facilitacion@example.org", name: "Fernando Facilitador", role: "FACILITATOR" },
  { email: "fondos@example.org", name: "Fabiola Fondos", role: "FUNDER" },
  { email: "enlace.sonora@example.org", name: "Sergio Enlace Sonora", role: "LIAISON", networkId: DEMO_IDS.networks.sonora },
];

/**
 * Idempotent: fixed ids and skip-duplicates inserts create what is missing and
 * leave what exists, so a second run keeps any changes made through the app.
 */
export async function seedDemo() {
  await seedRegistry();
  await seedAccounts();
  await seedSessions();
}

async function seedSessions() {
  const facilitator = await db.user.findUnique({ where: { email: "facilitacion@example.org" }, select: { id: true } });
  const allNetworkIds = DEMO_NETWORKS.map((network) => network.id);
  await db.$transaction(async (tx) => {
    for (const workshop of DEMO_WORKSHOPS_2020) {
      const { sessions, ...data } = workshop;
      await tx.workshop.createMany({ data: [{ ...data, generationId: DEMO_IDS.generation2020 }], skipDuplicates: true });
      await tx.session.createMany({
        data: sessions.map((session) => ({
          id: session.id,
          workshopId: workshop.id,
          ...sessionTimes(session),
          modality: session.modality,
          place: session.place ?? null,
          meetingUrl: session.modality === "VIRTUAL" ? "https://zoom.us/j/81234567890" : null,
          status: "HELD" as const,
          allNetworks: !session.networkIds,
        })),
        skipDuplicates: true,
      });
      await tx.sessionNetwork.createMany({
        data: sessions.flatMap((session) => (session.networkIds ?? []).map((networkId) => ({ sessionId: session.id, networkId }))),
        skipDuplicates: true,
      });
      if (facilitator) {
        await tx.sessionFacilitator.createMany({
          // The demo facilitator runs the sessions of Sonora and Chihuahua and those for everyone.
          data: sessions
            .filter(
              (session) =>
                !session.networkIds || session.networkIds.some((id) => id === DEMO_IDS.networks.sonora || id === DEMO_IDS.networks.impulso),
            )
            .map((session) => ({ sessionId: session.id, userId: facilitator.id })),
          skipDuplicates: true,
        });
      }
    }
    const enrollments = await tx.enrollment.findMany({
      where: { generationId: DEMO_IDS.generation2020, status: { not: "WITHDRAWN" } },
      select: { personId: true, networkId: true },
    });
    await tx.attendance.createMany({ data: demoAttendance(enrollments, allNetworkIds), skipDuplicates: true });

    await tx.workshop.createMany({
      data: [{ id: "demo-ws-2021-kickoff", generationId: DEMO_IDS.generation2021, title: "Arranque 2021", topic: "KICKOFF", order: 1 }],
      skipDuplicates: true,
    });
    await tx.session.createMany({
      data: [
        { id: "demo-s-2021-kickoff-1", date: "2021-03-04" },
        { id: "demo-s-2021-kickoff-2", date: "2021-03-11" },
      ].map(({ id, date }) => ({
        id,
        workshopId: "demo-ws-2021-kickoff",
        ...sessionTimes({ id, date, time: "10:00", minutes: 180, modality: "HYBRID" }),
        modality: "HYBRID" as const,
        place: "FESAC, Hermosillo",
        meetingUrl: "https://zoom.us/j/81234567891",
      })),
      skipDuplicates: true,
    });
  });
}

async function seedAccounts() {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const user = await db.user.upsert({
      where: { email: account.email },
      create: { email: account.email, name: account.name, passwordHash, passwordChangedAt: new Date() },
      update: {},
      select: { id: true },
    });
    const scope = {
      programId: account.role === "ADMIN" || account.role === "LIAISON" ? null : DEMO_IDS.program,
      networkId: account.networkId ?? null,
    };
    const existing = await db.grant.findFirst({ where: { userId: user.id, role: account.role, ...scope } });
    if (!existing) await db.grant.create({ data: { userId: user.id, role: account.role, ...scope } });
  }
}

async function seedRegistry() {
  const registry = buildDemoRegistry();
  const partners = Object.values(DEMO_PARTNERS);
  await db.$transaction(async (tx) => {
    await tx.program.upsert({
      where: { id: DEMO_IDS.program },
      create: {
        id: DEMO_IDS.program,
        name: "Proyecto de Fortalecimiento de Redes",
        description: "Fortalecimiento de redes de organizaciones de la sociedad civil convocadas por fundaciones comunitarias.",
      },
      update: {},
    });
    await tx.organization.createMany({ data: [...partners, ...registry.organizations], skipDuplicates: true });
    await tx.programPartner.createMany({
      data: [
        { programId: DEMO_IDS.program, organizationId: DEMO_PARTNERS.comunalia.id, role: "CONVENER" },
        { programId: DEMO_IDS.program, organizationId: DEMO_PARTNERS.usaid.id, role: "FUNDER" },
        { programId: DEMO_IDS.program, organizationId: DEMO_PARTNERS.unidosc.id, role: "IMPLEMENTER" },
      ],
      skipDuplicates: true,
    });
    await tx.network.createMany({
      data: DEMO_NETWORKS.map((network) => ({
        id: network.id,
        name: network.name,
        states: [...network.states],
        convenerOrganizationId: network.convener,
      })),
      skipDuplicates: true,
    });
    await tx.networkMembership.createMany({ data: registry.memberships, skipDuplicates: true });
    await tx.generation.createMany({
      data: [
        {
          id: DEMO_IDS.generation2020,
          programId: DEMO_IDS.program,
          number: 1,
          name: "Primera generación (2020)",
          startDate: new Date("2020-02-03"),
          endDate: new Date("2020-07-31"),
          status: "CLOSED",
        },
        {
          id: DEMO_IDS.generation2021,
          programId: DEMO_IDS.program,
          number: 2,
          name: "Segunda generación (2021)",
          startDate: new Date("2021-03-01"),
          endDate: new Date("2021-09-30"),
          status: "PLANNED",
        },
      ],
      skipDuplicates: true,
    });
    await tx.generationNetwork.createMany({
      data: [
        ...DEMO_NETWORKS.map((network) => ({ generationId: DEMO_IDS.generation2020, networkId: network.id })),
        { generationId: DEMO_IDS.generation2021, networkId: DEMO_IDS.networks.sonora },
        { generationId: DEMO_IDS.generation2021, networkId: DEMO_IDS.networks.impulso },
      ],
      skipDuplicates: true,
    });

    // A participant who withdrew in 2020: on record, but not counted.
    const withdrawnOrg = registry.enrollments2020.find((enrollment) => enrollment.networkId === DEMO_IDS.networks.sonora)?.organizationId;
    const withdrawn = {
      id: "demo-person-withdrawn",
      givenNames: "Tomás",
      firstSurname: "Valdez",
      secondSurname: "Ibarra",
      email: "tomas.valdez@example.org",
      state: "SON" as const,
      gender: "MAN" as const,
    };
    // Two people join in 2021 for the first time.
    const newcomers = [
      {
        id: "demo-person-2021-a",
        givenNames: "Paulina",
        firstSurname: "Escalante",
        secondSurname: "Rubio",
        email: "paulina.escalante@example.org",
        state: "SON" as const,
        gender: "WOMAN" as const,
      },
      {
        id: "demo-person-2021-b",
        givenNames: "Ramón",
        firstSurname: "Quintana",
        secondSurname: "Ochoa",
        email: "ramon.quintana@example.org",
        state: "CHH" as const,
        gender: "MAN" as const,
      },
    ];
    await tx.person.createMany({
      data: [...registry.people, withdrawn, ...newcomers],
      skipDuplicates: true,
    });
    await tx.affiliation.createMany({ data: registry.affiliations, skipDuplicates: true });
    const duplicates = buildDemoDuplicates(registry);
    await tx.organization.createMany({ data: duplicates.organizations, skipDuplicates: true });
    await tx.person.createMany({ data: duplicates.people, skipDuplicates: true });
    await tx.affiliation.createMany({ data: duplicates.affiliations, skipDuplicates: true });
    await tx.enrollment.createMany({
      data: registry.enrollments2020.map((enrollment) => ({
        ...enrollment,
        generationId: DEMO_IDS.generation2020,
        status: "COMPLETED" as const,
        registeredAt: new Date("2020-02-03T16:00:00Z"),
      })),
      skipDuplicates: true,
    });
    if (withdrawnOrg) {
      await tx.enrollment.createMany({
        data: [
          {
            id: "demo-enr-2020-withdrawn",
            personId: withdrawn.id,
            generationId: DEMO_IDS.generation2020,
            networkId: DEMO_IDS.networks.sonora,
            organizationId: withdrawnOrg,
            status: "WITHDRAWN",
            registeredAt: new Date("2020-02-03T16:00:00Z"),
          },
        ],
        skipDuplicates: true,
      });
    }

    // 2021: four people return, two are new.
    const returning = [DEMO_IDS.networks.sonora, DEMO_IDS.networks.sonora, DEMO_IDS.networks.impulso, DEMO_IDS.networks.impulso].map(
      (networkId, index) => registry.enrollments2020.filter((enrollment) => enrollment.networkId === networkId)[index % 2 === 0 ? 1 : 2],
    );
    const sonoraOrg = registry.memberships.find((membership) => membership.networkId === DEMO_IDS.networks.sonora)?.organizationId;
    const impulsoOrg = registry.memberships.find((membership) => membership.networkId === DEMO_IDS.networks.impulso)?.organizationId;
    await tx.enrollment.createMany({
      data: [
        ...returning.flatMap((enrollment) =>
          enrollment
            ? [
                {
                  id: `demo-enr-2021-${enrollment.personId.slice(-3)}`,
                  personId: enrollment.personId,
                  networkId: enrollment.networkId,
                  organizationId: enrollment.organizationId,
                },
              ]
            : [],
        ),
        ...(sonoraOrg
          ? [{ id: "demo-enr-2021-new-a", personId: newcomers[0]!.id, networkId: DEMO_IDS.networks.sonora, organizationId: sonoraOrg }]
          : []),
        ...(impulsoOrg
          ? [{ id: "demo-enr-2021-new-b", personId: newcomers[1]!.id, networkId: DEMO_IDS.networks.impulso, organizationId: impulsoOrg }]
          : []),
      ].map((enrollment) => ({ ...enrollment, generationId: DEMO_IDS.generation2021, status: "REGISTERED" as const })),
      skipDuplicates: true,
    });
  });
}
