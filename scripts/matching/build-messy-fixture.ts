/**
 * npm run eval:matching -- --build   (or: tsx scripts/matching/build-messy-fixture.ts)
 *
 * Writes the labelled messy registration set in tests/fixtures/matching/: four files as
 * coordinators receive them, and truth.json, which says for every row of every file which
 * real person and organization it is. Deterministic (seeded), so the files in git are what
 * this script writes. What it plants:
 * - kobo.csv: a KoboToolbox export (UTF-8, split surnames, state and network columns);
 * - google-forms.csv: both surnames in one column, nicknames, a person answering twice;
 * - lista-capturada.csv: a hand-typed list in capitals, Windows-1252, one full-name column,
 *   abbreviations (MA., FCO., FUND., ASOC.), typos, phones written with 044 or +52 1, no state;
 * - zoom-registro.csv: a Zoom-era sign-up with English headers, Gmail dots, missing second surnames.
 * Hard negatives: siblings sharing a landline, colleagues sharing an organization's inbox, a
 * father and "Jr.", Mario and María, colleagues with the same given name and first surname,
 * namesakes in other states, and organizations whose names differ only by their place or theme.
 */
import fs from "node:fs";
import path from "node:path";

const OUT = path.join(import.meta.dirname, "..", "..", "tests", "fixtures", "matching");

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
const next = random(11);
const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
const chance = (p: number) => next() < p;

const NETWORKS = [
  {
    key: "impulso",
    name: "Red Impulso OSC",
    short: "Impulso",
    state: "Chihuahua",
    cities: ["Chihuahua", "Juárez", "Delicias", "Cuauhtémoc"],
    area: "614",
  },
  {
    key: "sonora",
    name: "Red Comunitaria Sonora",
    short: "RCS",
    state: "Sonora",
    cities: ["Hermosillo", "Nogales", "Navojoa", "Cajeme"],
    area: "662",
  },
  { key: "aser", name: "Red ASER", short: "ASER", state: "Baja California", cities: ["Tijuana", "Mexicali", "Ensenada"], area: "664" },
  {
    key: "coalicion",
    name: "Coalición por los Derechos Humanos",
    short: "Coalición DH",
    state: "Baja California",
    cities: ["Tijuana", "Mexicali", "Tecate"],
    area: "686",
  },
] as const;

const WOMEN = [
  "María Guadalupe",
  "Guadalupe",
  "Ana",
  "Rosa María",
  "Patricia",
  "Verónica",
  "Leticia",
  "Carmen",
  "Adriana",
  "Alejandra",
  "Daniela",
  "Lucía",
  "María Fernanda",
  "Elena",
  "Sofía",
  "Gabriela",
  "Mónica",
  "Claudia",
  "Isabel",
  "Teresa",
  "María José",
  "Concepción",
  "Dolores",
  "Consuelo",
  "Graciela",
  "Rocío",
  "María",
];
const MEN = [
  "José Luis",
  "Juan",
  "Luis",
  "Carlos",
  "Jorge",
  "Miguel Ángel",
  "Francisco",
  "Alejandro",
  "Manuel",
  "Ricardo",
  "Eduardo",
  "Fernando",
  "Javier",
  "Héctor",
  "Raúl",
  "Jesús",
  "Guillermo",
  "Ignacio",
  "Antonio",
  "Enrique",
  "José",
  "Alberto",
  "Roberto",
  "Mario",
];
const SURNAMES = [
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
  "Domínguez",
  "Herrera",
  "Medina",
  "Castro",
  "Vargas",
  "Ramos",
  "Velázquez",
  "Guerrero",
  "Valenzuela",
  "Quintero",
  "Soto",
  "Contreras",
  "Salazar",
  "de la Garza",
  "Ochoa",
  "Esquer",
  "Figueroa",
];
const NICKNAMES: Record<string, string[]> = {
  Guadalupe: ["Lupita", "Lupe"],
  "María Guadalupe": ["Lupita"],
  José: ["Pepe"],
  Francisco: ["Paco", "Pancho"],
  Jesús: ["Chuy"],
  Guillermo: ["Memo"],
  Eduardo: ["Lalo"],
  Ignacio: ["Nacho"],
  Antonio: ["Toño"],
  Consuelo: ["Chelo"],
  Concepción: ["Conchita"],
  Dolores: ["Lola"],
  Enrique: ["Quique"],
  Alberto: ["Beto"],
  Roberto: ["Beto"],
  Patricia: ["Paty"],
  Teresa: ["Tere"],
  Graciela: ["Chela"],
  Gabriela: ["Gaby"],
  Verónica: ["Vero"],
  Leticia: ["Lety"],
  Rocío: ["Chío"],
};
const ORG_FORMS = ["Fundación", "Asociación", "Centro Comunitario", "Colectivo", "Instituto", "Casa", "Red Juvenil", "Consejo Ciudadano"];
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
  "Mar de Cortés",
  "Semillas",
  "Nuevo Amanecer",
  "Luz y Vida",
  "Alas",
  "Tejiendo Comunidad",
  "Juventud Activa",
  "Barrios Unidos",
  "Vida Digna",
  "Paso a Paso",
  "Mano Amiga",
  "Cultura de Paz",
  "Sierra Viva",
  "Río Libre",
  "Tierra Fértil",
  "Ciudadanía Plena",
  "Puertas Abiertas",
];
const LEGAL = [", A.C.", " A.C.", ", S.C.", ", I.A.P.", ", A.B.P.", ""];

type Org = {
  id: string;
  name: string;
  base: string;
  form: string;
  network: (typeof NETWORKS)[number];
  city: string;
  domain: string;
  landline: string;
};
type Person = {
  id: string;
  given: string;
  first: string;
  second: string;
  gender: "Mujer" | "Hombre";
  org: Org;
  email: string;
  phone: string;
  suffix?: string;
};

const ascii = (v: string) => v.normalize("NFD").replace(/\p{Diacritic}/gu, "");
const slug = (v: string) =>
  ascii(v)
    .toLowerCase()
    .replace(/[^a-z]+/g, "");
const digits = (n: number) => String(Math.floor(next() * 10 ** n)).padStart(n, "0");

// 80 organizations. A theme names one organization per network, as in real registries, except for
// planted look-alikes: the same theme in another city of the network, and the same theme and city
// with another type word (two different organizations either way).
const orgs: Org[] = [];
const usedTheme = new Set<string>();
const addOrg = (network: (typeof NETWORKS)[number], form: string, theme: string, city: string) => {
  const base = `${form} ${theme} de ${city}`;
  orgs.push({
    id: `org-${orgs.length + 1}`,
    name: `${base}${pick(LEGAL)}`,
    base,
    form,
    network,
    city,
    domain: `${slug(base).slice(0, 18)}.org.mx`,
    landline: `${network.area}${digits(7)}`,
  });
};
while (orgs.length < 74) {
  const network = NETWORKS[orgs.length % 4]!;
  const theme = pick(ORG_THEMES);
  const key = `${network.key} ${theme}`;
  if (usedTheme.has(key)) continue;
  usedTheme.add(key);
  addOrg(network, pick(ORG_FORMS), theme, pick(network.cities));
}
for (const index of [1, 6, 11]) {
  const original = orgs[index]!;
  addOrg(
    original.network,
    original.form,
    original.base.replace(`${original.form} `, "").replace(` de ${original.city}`, ""),
    original.network.cities.find((city) => city !== original.city)!,
  );
  addOrg(
    original.network,
    ORG_FORMS.find((form) => form !== original.form)!,
    original.base.replace(`${original.form} `, "").replace(` de ${original.city}`, ""),
    original.city,
  );
}

const people: Person[] = [];
const usedName = new Set<string>();
const usedLocal = new Set<string>();
function newPerson(org: Org, options: Partial<Person> = {}): Person {
  for (;;) {
    const woman = chance(0.6);
    const given = options.given ?? (woman ? pick(WOMEN) : pick(MEN));
    const first = options.first ?? pick(SURNAMES);
    const second = options.second ?? pick(SURNAMES.filter((s) => s !== first));
    const key = `${given} ${first} ${second}${options.suffix ?? ""}`;
    if (usedName.has(key) && !options.given) continue;
    usedName.add(key);
    let local = `${slug(given.split(" ")[0]!)}.${slug(first)}${chance(0.5) ? digits(2) : ""}`;
    // Personal mailboxes are one person's: a taken one gets digits, as providers make people do.
    while (usedLocal.has(local)) local = `${local}${digits(1)}`;
    usedLocal.add(local);
    const provider = pick(["gmail.com", "gmail.com", "hotmail.com", "outlook.com", "yahoo.com.mx", org.domain]);
    const person: Person = {
      id: `p-${people.length + 1}`,
      given,
      first,
      second,
      gender: options.gender ?? (WOMEN.includes(given) ? "Mujer" : "Hombre"),
      org,
      email: options.email ?? `${local}@${provider}`,
      phone: options.phone ?? `${org.network.area}${digits(7)}`,
      suffix: options.suffix,
    };
    people.push(person);
    return person;
  }
}
// Hard negatives first, then ordinary people up to 250.
for (let i = 0; i < 6; i++) {
  // Siblings: same surnames, the family landline, the same organization.
  const org = orgs[i * 7]!;
  const a = newPerson(org, { phone: org.landline });
  newPerson(org, {
    given: a.gender === "Mujer" ? pick(MEN) : pick(WOMEN),
    first: a.first,
    second: a.second,
    phone: org.landline,
    gender: a.gender === "Mujer" ? "Hombre" : "Mujer",
  });
}
for (let i = 0; i < 5; i++) {
  // Colleagues who register with the organization's inbox.
  const org = orgs[i * 11 + 3]!;
  newPerson(org, { email: `contacto@${org.domain}` });
  newPerson(org, { email: `contacto@${org.domain}` });
}
for (let i = 0; i < 2; i++) {
  // A father and his son "Jr.", at home on the same phone.
  const org = orgs[i * 13 + 5]!;
  const father = newPerson(org, { given: "Juan", gender: "Hombre" });
  newPerson(org, { given: "Juan", first: father.first, second: father.second, suffix: " Jr.", phone: father.phone, gender: "Hombre" });
}
for (let i = 0; i < 2; i++) {
  // Mario and María, siblings on one phone.
  const org = orgs[i * 17 + 9]!;
  const mario = newPerson(org, { given: "Mario", gender: "Hombre" });
  newPerson(org, { given: "María", first: mario.first, second: mario.second, phone: mario.phone, gender: "Mujer" });
}
for (let i = 0; i < 3; i++) {
  // Colleagues with the same given name and first surname.
  const org = orgs[i * 19 + 2]!;
  const one = newPerson(org, { given: "Ana", gender: "Mujer" });
  newPerson(org, {
    given: "Ana",
    first: one.first,
    second: pick(SURNAMES.filter((s) => s !== one.second && s !== one.first)),
    gender: "Mujer",
  });
}
for (let i = 0; i < 4; i++) {
  // Namesakes in other states: the same full name, other network, organization and contacts.
  const a = newPerson(orgs[i * 4]!);
  const other = orgs.find((org) => org.network.state !== a.org.network.state && org.id.endsWith(String(i + 1)))!;
  newPerson(other, { given: a.given, first: a.first, second: a.second, gender: a.gender });
}
while (people.length < 250) newPerson(pick(orgs));

// ---- How each source writes a person and an organization.
const NO_ACCENT = (v: string) => ascii(v);
function nick(given: string) {
  const options = NICKNAMES[given];
  return options && chance(0.5) ? pick(options) : given;
}
function typo(word: string) {
  if (word.length < 6) return word;
  const swaps: Array<[RegExp, string]> = [
    [/z$/, "s"],
    [/s$/, "z"],
    [/v/, "b"],
    [/b/, "v"],
    [/ll/, "y"],
    [/á/, "a"],
    [/é/, "e"],
  ];
  for (const [from, to] of swaps) if (from.test(word)) return word.replace(from, to);
  const i = 2 + Math.floor(next() * (word.length - 3));
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}
function phoneAs(phone: string, style: "plain" | "spaced" | "old" | "intl") {
  if (style === "plain") return phone;
  if (style === "spaced") return `(${phone.slice(0, 3)}) ${phone.slice(3, 6)}-${phone.slice(6, 8)}-${phone.slice(8)}`;
  if (style === "old") return `044 ${phone.slice(0, 3)} ${phone.slice(3, 6)} ${phone.slice(6)}`;
  return `+52 1 ${phone.slice(0, 3)} ${phone.slice(3, 6)} ${phone.slice(6)}`;
}
function emailAs(email: string) {
  const [local, domain] = email.split("@") as [string, string];
  if (domain === "gmail.com" && chance(0.3)) return `${local.replace(".", "")}${chance(0.3) ? "+redes" : ""}@gmail.com`;
  return chance(0.1) ? email.toUpperCase() : email;
}
function orgAs(org: Org, style: "full" | "caps" | "short" | "loose"): string {
  const abbreviated = org.base
    .replace(/^Fundación/, "Fund.")
    .replace(/^Asociación/, "Asoc.")
    .replace(/^Centro/, "Ctro.");
  if (style === "full") return org.name;
  if (style === "caps") return `${NO_ACCENT(chance(0.5) ? abbreviated : org.base).toUpperCase()}${chance(0.5) ? " A.C." : ""}`;
  if (style === "short") {
    // The type word or the city dropped, as people say it.
    const withoutCity = org.base.replace(` de ${org.city}`, "");
    return chance(0.5) ? withoutCity : org.base.replace(`${org.form} `, "");
  }
  return chance(0.3) ? org.base.replace(/([a-z]{5,})/, (w) => typo(w)) : org.base.toLowerCase();
}

type Row = { cells: string[]; person: string; organization: string };
const files: Array<{ name: string; headers: string[]; rows: Row[]; encoding: "utf8" | "win1252" }> = [];
const present = people.map(() => ({ kobo: chance(0.55), forms: chance(0.5), list: chance(0.4), zoom: chance(0.45) }));
present.forEach((p) => {
  if (!p.kobo && !p.forms && !p.list && !p.zoom) p.kobo = true;
});
const shuffle = <T>(items: T[]) => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
};
const full = (p: Person, given = p.given, drop = false) =>
  [given, p.first, drop ? "" : p.second].filter(Boolean).join(" ") + (p.suffix ?? "");

{
  const rows: Row[] = [];
  people.forEach((p, i) => {
    if (!present[i]!.kobo) return;
    rows.push({
      person: p.id,
      organization: p.org.id,
      cells: [
        `uuid-${1000 + i}`,
        "2020-02-1" + (i % 9),
        p.given,
        p.first + (p.suffix ?? ""),
        p.second,
        chance(0.9) ? emailAs(p.email) : "",
        chance(0.8) ? phoneAs(p.phone, pick(["plain", "spaced", "intl"])) : "",
        p.gender,
        orgAs(p.org, "full"),
        p.org.network.state,
        p.org.network.name,
      ],
    });
  });
  files.push({
    name: "kobo.csv",
    encoding: "utf8",
    headers: [
      "_uuid",
      "_submission_time",
      "Nombre(s)",
      "Apellido paterno",
      "Apellido materno",
      "Correo electrónico",
      "Teléfono celular",
      "Género",
      "Organización",
      "Estado",
      "Red",
    ],
    rows: shuffle(rows),
  });
}
{
  const rows: Row[] = [];
  people.forEach((p, i) => {
    if (!present[i]!.forms) return;
    const times = chance(0.06) ? 2 : 1;
    for (let k = 0; k < times; k++)
      rows.push({
        person: p.id,
        organization: p.org.id,
        cells: [
          `13/03/2020 1${k}:2${i % 10}:00`,
          nick(p.given),
          [p.first, chance(0.2) ? "" : p.second].filter(Boolean).join(" ") + (p.suffix ?? ""),
          chance(0.85) ? emailAs(p.email) : "",
          chance(0.7) ? phoneAs(p.phone, pick(["plain", "spaced"])) : "",
          orgAs(p.org, chance(0.5) ? "full" : "loose"),
          chance(0.5) ? p.org.network.name : p.org.network.short,
        ],
      });
  });
  files.push({
    name: "google-forms.csv",
    encoding: "utf8",
    headers: ["Marca temporal", "Nombre", "Apellidos", "Correo", "WhatsApp", "Nombre de la organización", "Red a la que pertenece"],
    rows: shuffle(rows),
  });
}
{
  const rows: Row[] = [];
  people.forEach((p, i) => {
    if (!present[i]!.list) return;
    let given = p.given
      .replace(/^María\b/, chance(0.6) ? "Ma." : "María")
      .replace(/^Francisco\b/, "Fco.")
      .replace(/^José\b/, chance(0.3) ? "J." : "José");
    if (chance(0.1)) given = nick(p.given);
    const first = chance(0.12) ? typo(p.first) : p.first;
    const name = chance(0.1)
      ? [given, p.second, first].join(" ") + (p.suffix ?? "")
      : [given, first, chance(0.15) ? "" : p.second].filter(Boolean).join(" ") + (p.suffix ?? "");
    rows.push({
      person: p.id,
      organization: p.org.id,
      cells: [
        NO_ACCENT(name).toUpperCase(),
        orgAs(p.org, "caps"),
        chance(0.85) ? phoneAs(p.phone, pick(["old", "intl", "spaced"])) : "",
        chance(0.5) ? p.email.toUpperCase() : "",
        p.org.network.short.toUpperCase(),
      ],
    });
  });
  files.push({
    name: "lista-capturada.csv",
    encoding: "win1252",
    headers: ["NOMBRE COMPLETO", "ORGANIZACION", "TELEFONO", "CORREO", "RED"],
    rows: shuffle(rows),
  });
}
{
  const rows: Row[] = [];
  people.forEach((p, i) => {
    if (!present[i]!.zoom) return;
    rows.push({
      person: p.id,
      organization: p.org.id,
      cells: [
        nick(p.given),
        full({ ...p, given: "" }, "", chance(0.4)).trim(),
        emailAs(p.email),
        orgAs(p.org, chance(0.6) ? "short" : "full"),
        p.org.network.name,
        "Approved",
      ],
    });
  });
  files.push({
    name: "zoom-registro.csv",
    encoding: "utf8",
    headers: ["First Name", "Last Name", "Email", "Organization", "Network", "Approval Status"],
    rows: shuffle(rows),
  });
}

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
fs.mkdirSync(OUT, { recursive: true });
const truth: Record<string, Array<{ person: string; organization: string }>> = {};
for (const file of files) {
  const text = [file.headers, ...file.rows.map((row) => row.cells)].map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
  fs.writeFileSync(path.join(OUT, file.name), file.encoding === "win1252" ? Buffer.from(text, "latin1") : text);
  truth[file.name] = file.rows.map(({ person, organization }) => ({ person, organization }));
}
fs.writeFileSync(
  path.join(OUT, "truth.json"),
  JSON.stringify(
    {
      files: files.map((file) => file.name),
      networks: NETWORKS.map(({ name, short, state }) => ({ name, short, state })),
      people: people.length,
      organizations: new Set(people.map((p) => p.org.id)).size,
      rows: truth,
    },
    null,
    1,
  ) + "\n",
);
console.log(
  `${files.reduce((n, f) => n + f.rows.length, 0)} rows for ${people.length} people in ${new Set(people.map((p) => p.org.id)).size} organizations: ${files.map((f) => `${f.name} ${f.rows.length}`).join(", ")}`,
);
