import { DEMO_IDS, type DemoRegistry } from "./demo-registry";

/**
 * Records registered a second time, written differently, as spreadsheets from several networks
 * bring them in, so the duplicates page has something to show in the demo. None is enrolled in
 * a generation, so the demo totals (132 people from 93 organizations) do not move.
 */
export function buildDemoDuplicates(registry: DemoRegistry) {
  const outsideSonora = (personId: string) =>
    registry.enrollments2020.some((enrollment) => enrollment.personId === personId && enrollment.networkId !== DEMO_IDS.networks.sonora);
  const [swapped, short, misspelt] = registry.people.filter((person) => outsideSonora(person.id)).slice(4, 7) as [
    DemoRegistry["people"][number],
    DemoRegistry["people"][number],
    DemoRegistry["people"][number],
  ];
  const digits = swapped.phone.replace(/\D/g, "").slice(-10);
  const people = [
    {
      // Surnames swapped, capitals without accents, the phone written another way.
      id: "demo-dup-person-1",
      givenNames: swapped.givenNames.replace(/^María\b/, "Ma."),
      firstSurname: swapped.secondSurname.toUpperCase(),
      secondSurname: swapped.firstSurname.toUpperCase(),
      phone: `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`,
    },
    {
      // No second surname, the same mailbox typed in capitals (a hand-typed list).
      id: "demo-dup-person-2",
      givenNames: short.givenNames,
      firstSurname: short.firstSurname,
      secondSurname: null,
      email: short.email.toUpperCase(),
    },
    {
      // A misspelt surname, registered with the same organization.
      id: "demo-dup-person-3",
      givenNames: misspelt.givenNames,
      firstSurname: `${misspelt.firstSurname.slice(0, -1)}${misspelt.firstSurname.endsWith("s") ? "z" : "s"}`,
      secondSurname: misspelt.secondSurname,
    },
  ];
  const organization = registry.affiliations.find((affiliation) => affiliation.personId === misspelt.id)!.organizationId;
  const original = registry.organizations.find((candidate) => candidate.id === organization)!;
  const copyName = original.name
    .toUpperCase()
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "");
  return {
    people,
    affiliations: [{ id: "demo-dup-affiliation-3", personId: "demo-dup-person-3", organizationId: organization, title: "Voluntaria" }],
    organizations: [
      {
        // The organization typed in capitals without accents: the same name, in the same state.
        id: "demo-dup-organization-1",
        name: copyName,
        type: original.type,
        state: original.state,
        municipality: original.municipality,
      },
    ],
  };
}
