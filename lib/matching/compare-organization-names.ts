import { compareWords, isTypo, type WordRelation } from "./compare-words";

// Words that say what kind of organization it is. Dropping one ("Mujeres del Desierto" for
// "Colectivo Mujeres del Desierto") does not make another organization.
const TYPE_WORDS = new Set([
  "fundacion",
  "asociacion",
  "centro",
  "colectivo",
  "colectiva",
  "red",
  "organizacion",
  "organizaciones",
  "instituto",
  "grupo",
  "comite",
  "consejo",
  "union",
  "alianza",
  "movimiento",
  "proyecto",
  "programa",
  "civil",
  "civiles",
  "comunitaria",
  "comunitario",
  "sociedad",
  "iniciativa",
  "coalicion",
  "federacion",
  "cooperativa",
  "frente",
  "observatorio",
  "patronato",
  "club",
  "ciudadana",
  "ciudadano",
  "ciudadanos",
  "osc",
  "ac",
  "mexicana",
  "mexicano",
]);

// States and the larger cities of the networks' region: a name said with or without its place.
const PLACE_WORDS = new Set([
  "aguascalientes",
  "baja",
  "california",
  "bc",
  "bcs",
  "campeche",
  "chiapas",
  "chihuahua",
  "coahuila",
  "colima",
  "durango",
  "guanajuato",
  "guerrero",
  "hidalgo",
  "jalisco",
  "michoacan",
  "morelos",
  "nayarit",
  "oaxaca",
  "puebla",
  "queretaro",
  "quintana",
  "roo",
  "potosi",
  "sinaloa",
  "sonora",
  "tabasco",
  "tamaulipas",
  "tlaxcala",
  "veracruz",
  "yucatan",
  "zacatecas",
  "cdmx",
  "mexico",
  "edomex",
  "hermosillo",
  "nogales",
  "obregon",
  "navojoa",
  "guaymas",
  "cajeme",
  "juarez",
  "delicias",
  "parral",
  "cuauhtemoc",
  "tijuana",
  "mexicali",
  "ensenada",
  "tecate",
  "rosarito",
  "monterrey",
  "saltillo",
  "torreon",
  "culiacan",
  "mazatlan",
  "ciudad",
  "sonorense",
  "chihuahuense",
  "bajacaliforniana",
]);

const droppable = (word: string) => TYPE_WORDS.has(word) || PLACE_WORDS.has(word);

export type OrganizationNameRelation = WordRelation["kind"] | "dropped";

/**
 * How two organizations' names relate, from their nameWords (database function
 * organization_name_words): the same words; a slip of one or two letters; a type word
 * (Fundación, Colectivo…) or a place dropped on one side while the distinctive words agree
 * ("dropped"; one side may drop the type and the other the place); or different: a distinctive
 * word on one side only ("Centro de Derechos Humanos" and "Centro de Derechos Humanos Paso del
 * Norte"), two type words ("Fundación Semillas" and "Colectivo Semillas") or two places.
 */
export function compareOrganizationNames(first: readonly string[], second: readonly string[]): OrganizationNameRelation {
  const relation = compareWords(first, second, (a, b) => (isTypo(a, b) ? "typo" : null));
  if (relation.kind !== "partial" && relation.kind !== "different") return relation.kind;
  const { onlyFirst, onlySecond } = relation;
  if (![...onlyFirst, ...onlySecond].every(droppable)) return "different";
  // One side without its type word and the other without its place is fine; two types or two places are two organizations.
  const both = (words: Set<string>) => onlyFirst.some((word) => words.has(word)) && onlySecond.some((word) => words.has(word));
  if (both(TYPE_WORDS) || both(PLACE_WORDS)) return "different";
  const distinctiveShared = first.filter((word) => !droppable(word) && second.includes(word)).length;
  return distinctiveShared >= 1 ? "dropped" : "different";
}
