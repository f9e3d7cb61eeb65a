import type { AgeRange, Gender, MexicanState, OrganizationType } from "@/lib/generated/prisma/enums";
import { normalizeText } from "@/lib/registry/normalize";

/**
 * The first generation (2020) of the Network Strengthening Project, as in its
 * public announcement: four networks in three states. The organizations and
 * people are synthetic and deterministic (no real persons): 93 organizations
 * and 132 people, so the totals code, run on these records, reads 132 / 93.
 */
export const DEMO_IDS = {
  program: "demo-program-fortalecimiento",
  generation2020: "demo-generation-2020",
  generation2021: "demo-generation-2021",
  networks: {
    impulso: "demo-network-impulso",
    sonora: "demo-network-sonora",
    aser: "demo-network-aser",
    coalicion: "demo-network-coalicion",
  },
} as const;

type OrgSeed = {
  id: string;
  name: string;
  shortName?: string;
  type: OrganizationType;
  state: MexicanState;
  municipality: string;
  website?: string;
};

const partner = (
  id: string,
  name: string,
  shortName: string,
  type: OrganizationType,
  state: MexicanState,
  municipality: string,
): OrgSeed => ({
  id,
  name,
  shortName,
  type,
  state,
  municipality,
});

export const DEMO_PARTNERS = {
  comunalia: partner(
    "demo-org-comunalia",
    "Comunalia, Alianza de Fundaciones Comunitarias de México",
    "Comunalia",
    "OTHER",
    "CMX",
    "Ciudad de México",
  ),
  usaid: partner(
    "demo-org-usaid",
    "Agencia de los Estados Unidos para el Desarrollo Internacional",
    "USAID",
    "FUNDER",
    "CMX",
    "Ciudad de México",
  ),
  unidosc: partner("demo-org-unidosc", "UnidOSC", "UnidOSC", "CIVIL_SOCIETY", "CMX", "Ciudad de México"),
  fechac: partner("demo-org-fechac", "Fundación del Empresariado Chihuahuense, A.C.", "FECHAC", "COMMUNITY_FOUNDATION", "CHH", "Chihuahua"),
  fesac: partner("demo-org-fesac", "Fundación del Empresariado Sonorense, A.C.", "FESAC", "COMMUNITY_FOUNDATION", "SON", "Hermosillo"),
  fic: partner("demo-org-fic", "Fundación Internacional de la Comunidad, A.C.", "FIC", "COMMUNITY_FOUNDATION", "BCN", "Tijuana"),
};

export const DEMO_NETWORKS = [
  {
    id: DEMO_IDS.networks.impulso,
    name: "Red Impulso OSC",
    states: ["CHH"],
    convener: DEMO_PARTNERS.fechac.id,
    organizations: 28,
    extraPeople: 12,
  },
  {
    id: DEMO_IDS.networks.sonora,
    name: "Red Comunitaria Sonora",
    states: ["SON"],
    convener: DEMO_PARTNERS.fesac.id,
    organizations: 24,
    extraPeople: 10,
  },
  { id: DEMO_IDS.networks.aser, name: "Red ASER", states: ["BCN"], convener: DEMO_PARTNERS.fic.id, organizations: 22, extraPeople: 9 },
  {
    id: DEMO_IDS.networks.coalicion,
    name: "Coalición por los Derechos Humanos",
    states: ["BCN"],
    convener: DEMO_PARTNERS.fic.id,
    organizations: 19,
    extraPeople: 8,
  },
] as const satisfies ReadonlyArray<{
  id: string;
  name: string;
  states: MexicanState[];
  convener: string;
  organizations: number;
  extraPeople: number;
}>;

const MUNICIPALITIES: Record<string, string[]> = {
  CHH: ["Chihuahua", "Juárez", "Delicias", "Cuauhtémoc", "Hidalgo del Parral", "Nuevo Casas Grandes"],
  SON: ["Hermosillo", "Cajeme", "Nogales", "Navojoa", "Guaymas", "San Luis Río Colorado"],
  BCN: ["Tijuana", "Mexicali", "Ensenada", "Tecate", "Playas de Rosarito"],
};

const ORG_FORMS: Array<[string, OrganizationType]> = [
  ["Centro Comunitario", "CIVIL_SOCIETY"],
  ["Fundación", "CIVIL_SOCIETY"],
  ["Colectivo", "COLLECTIVE"],
  ["Asociación", "CIVIL_SOCIETY"],
  ["Red Juvenil", "COLLECTIVE"],
  ["Casa", "CIVIL_SOCIETY"],
  ["Consejo Ciudadano", "OTHER"],
  ["Instituto", "CIVIL_SOCIETY"],
];
const ORG_THEMES = [
  "Esperanza",
  "Manos Unidas",
  "Tierra Viva",
  "Mujeres del Desierto",
  "Agua para Todos",
  "Niñez Plena",
  "Raíces",
  "Voces Jóvenes",
  "Salud Comunitaria",
  "Horizonte",
  "Sembradores",
  "Derechos en Acción",
  "Puentes",
  "Camino Abierto",
  "Arte y Barrio",
];
const SUFFIXES = [", A.C.", ", A.C.", ", A.C.", ", I.A.P.", ", S.C.", ""];

const WOMEN = [
  "María",
  "Guadalupe",
  "Ana",
  "Rosa",
  "Patricia",
  "Verónica",
  "Leticia",
  "Carmen",
  "Adriana",
  "Alejandra",
  "Daniela",
  "Lucía",
  "Fernanda",
  "Elena",
  "Sofía",
  "Gabriela",
  "Mónica",
  "Claudia",
  "Isabel",
  "Teresa",
];
const MEN = [
  "José",
  "Juan",
  "Luis",
  "Carlos",
  "Jorge",
  "Miguel",
  "Francisco",
  "Alejandro",
  "Manuel",
  "Ricardo",
  "Eduardo",
  "Fernando",
  "Javier",
  "Héctor",
  "Raúl",
];
/** Common Mexican surnames; the national benchmark (scripts/bench/national-seed.ts) draws from them too. */
export const SURNAMES = [
  "Hernández",
  "García",
  "Martínez",
  "López",
  "González",
  "Pérez",
  "Rodríguez",
  "Sánchez",
  "Ramírez",
  "Cruz",
  "Flores",
  "Gómez",
  "Morales",
  "Vázquez",
  "Reyes",
  "Jiménez",
  "Torres",
  "Díaz",
  "Gutiérrez",
  "Ruiz",
  "Mendoza",
  "Aguilar",
  "Ortiz",
  "Moreno",
  "Castillo",
  "Romero",
  "Álvarez",
  "Méndez",
  "Chávez",
  "Rivera",
  "Juárez",
  "Ramos",
  "Domínguez",
  "Herrera",
  "Medina",
  "Castro",
  "Vargas",
  "Guzmán",
  "Velázquez",
  "Valenzuela",
];
const AGE_RANGES: AgeRange[] = ["AGE_18_29", "AGE_30_44", "AGE_30_44", "AGE_45_59", "AGE_45_59", "AGE_60_PLUS"];
const TITLES = [
  "Dirección general",
  "Coordinación de proyectos",
  "Presidencia del consejo",
  "Voluntariado",
  "Procuración de fondos",
  "Comunicación",
];

/** A small seeded generator, so every run produces the same people. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type PersonSeed = {
  id: string;
  givenNames: string;
  firstSurname: string;
  secondSurname: string;
  email: string;
  phone: string;
  gender: Gender;
  ageRange: AgeRange;
  state: MexicanState;
};

export type DemoRegistry = {
  organizations: OrgSeed[];
  memberships: Array<{ networkId: string; organizationId: string }>;
  people: PersonSeed[];
  affiliations: Array<{ id: string; personId: string; organizationId: string; title: string }>;
  enrollments2020: Array<{ id: string; personId: string; networkId: string; organizationId: string }>;
};

// Synthetic names are drawn until new: the same words in any order count as taken.
const wordsKey = (value: string) => normalizeText(value).split(" ").sort().join(" ");
const pad = (value: number) => String(value).padStart(3, "0");
const ascii = (value: string) =>
  value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, "");

export function buildDemoRegistry(): DemoRegistry {
  const next = random(2020);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const registry: DemoRegistry = { organizations: [], memberships: [], people: [], affiliations: [], enrollments2020: [] };
  const usedNames = new Set<string>();
  const usedPeople = new Set<string>();
  let orgNumber = 0;
  let personNumber = 0;

  const newPerson = (state: MexicanState): PersonSeed => {
    for (;;) {
      const woman = next() < 0.62;
      const givenNames = woman ? pick(WOMEN) : pick(MEN);
      const firstSurname = pick(SURNAMES);
      const secondSurname = pick(SURNAMES);
      const key = wordsKey(`${givenNames} ${firstSurname} ${secondSurname}`);
      if (usedPeople.has(key)) continue;
      usedPeople.add(key);
      personNumber += 1;
      return {
        id: `demo-person-${pad(personNumber)}`,
        givenNames,
        firstSurname,
        secondSurname,
        email: `${ascii(givenNames)}.${ascii(firstSurname)}${personNumber}@example.org`,
        phone: `+52 ${state === "SON" ? "662" : state === "CHH" ? "614" : "664"} 555 ${String(1000 + personNumber).slice(-4)}`,
        gender: next() < 0.03 ? "PREFER_NOT_TO_SAY" : woman ? "WOMAN" : "MAN",
        ageRange: pick(AGE_RANGES),
        state,
      };
    }
  };

  for (const network of DEMO_NETWORKS) {
    const state = network.states[0];
    const orgIds: string[] = [];
    for (let i = 0; i < network.organizations; i++) {
      let name: string;
      let form: [string, OrganizationType];
      const municipality = pick(MUNICIPALITIES[state] ?? []);
      let key: string;
      do {
        form = pick(ORG_FORMS);
        const base = `${form[0]} ${pick(ORG_THEMES)} de ${municipality}`;
        // The legal form does not make another organization.
        key = wordsKey(base);
        name = `${base}${pick(SUFFIXES)}`;
      } while (usedNames.has(key));
      usedNames.add(key);
      orgNumber += 1;
      const id = `demo-org-${pad(orgNumber)}`;
      registry.organizations.push({ id, name, type: form[1], state, municipality });
      registry.memberships.push({ networkId: network.id, organizationId: id });
      orgIds.push(id);
    }
    // Every organization sends one person; the first `extraPeople` organizations send a second.
    const senders = [...orgIds, ...orgIds.slice(0, network.extraPeople)];
    for (const organizationId of senders) {
      const person = newPerson(state);
      registry.people.push(person);
      registry.affiliations.push({ id: `demo-aff-${person.id.slice(-3)}`, personId: person.id, organizationId, title: pick(TITLES) });
      registry.enrollments2020.push({
        id: `demo-enr-2020-${person.id.slice(-3)}`,
        personId: person.id,
        networkId: network.id,
        organizationId,
      });
    }
  }

  // One human-rights organization also belongs to Red ASER, and its first participant took part through both
  // networks: 133 enrollments, still 132 distinct people and 93 organizations.
  const shared = registry.enrollments2020.find((enrollment) => enrollment.networkId === DEMO_IDS.networks.coalicion);
  if (shared) {
    registry.memberships.push({ networkId: DEMO_IDS.networks.aser, organizationId: shared.organizationId });
    registry.enrollments2020.push({
      id: "demo-enr-2020-shared",
      personId: shared.personId,
      networkId: DEMO_IDS.networks.aser,
      organizationId: shared.organizationId,
    });
  }
  return registry;
}
