import "server-only";
import { db } from "@/lib/db";

/** The words of names as the database's person_name_words computes them for stored people, for names not stored (a meeting report). */
export async function personNameWords(names: string[]): Promise<Map<string, string[]>> {
  const unique = [...new Set(names)];
  if (!unique.length) return new Map();
  const rows = await db.$queryRaw<Array<{ name: string; words: string[] }>>`
    SELECT name, person_name_words(name) AS words FROM unnest(${unique}::text[]) AS name`;
  return new Map(rows.map((row) => [row.name, row.words]));
}

/** Emails as the matcher compares them (database function email_match_key), for emails not stored (a meeting report). */
export async function emailMatchKeys(emails: string[]): Promise<Map<string, string | null>> {
  const unique = [...new Set(emails)];
  if (!unique.length) return new Map();
  const rows = await db.$queryRaw<Array<{ email: string; key: string | null }>>`
    SELECT email, email_match_key(email) AS key FROM unnest(${unique}::text[]) AS email`;
  return new Map(rows.map((row) => [row.email, row.key]));
}
